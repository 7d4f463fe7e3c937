package dev.prodtrack;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An immutable list over the first {@code size} slots of an array, handed to callers as it is (no copy).
 *
 * <p>Design note. The state keeps the task records of each entity in one of these and replaces it on
 * every change (copy-on-write), so a query returns the state's own list: a caller holding it sees the
 * tasks as they were when it asked, whatever the writer does next. Appending is the one change that does
 * not copy: when the array has a free slot past {@code size}, {@link #appended} writes it and returns a
 * new list of {@code size + 1} over the same array. That is safe because every list over an array sees
 * only the slots below its own size, which are never written again, and only the newest list of an
 * array is ever appended to (the state holds no other). Every mutator throws {@link
 * UnsupportedOperationException}, even when it would change nothing.
 *
 * @param <E> the element type
 */
final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
  private static final FrozenList<Object> EMPTY = new FrozenList<>(new Object[0], 0);

  private final E[] items;
  private final int size;

  private FrozenList(E[] items, int size) {
    this.items = items;
    this.size = size;
  }

  /**
   * The empty list.
   *
   * @param <E> the element type
   * @return the shared empty list
   */
  @SuppressWarnings("unchecked")
  static <E> FrozenList<E> empty() {
    return (FrozenList<E>) EMPTY;
  }

  /**
   * A list over an array the caller gives up: it must not write the array afterwards.
   *
   * @param items the elements, none null
   * @param size how many of the first slots are the list's
   * @param <E> the element type
   * @return the list
   */
  static <E> FrozenList<E> wrap(E[] items, int size) {
    Objects.checkFromIndexSize(0, size, items.length);
    return new FrozenList<>(items, size);
  }

  /**
   * This list with one more element at the end. Writes the array's next slot when there is one (see
   * the class note: call it only on the newest list of its array), else copies into a larger array.
   *
   * @param e the element, not null
   * @return the longer list
   */
  @SuppressWarnings("unchecked")
  FrozenList<E> appended(E e) {
    Objects.requireNonNull(e);
    E[] to = items;
    if (size == to.length) {
      to = Arrays.copyOf(items, Math.max(2, size + (size >> 1) + 1));
    }
    to[size] = e;
    return new FrozenList<>(to, size + 1);
  }

  /**
   * A copy of this list with the element at {@code index} replaced.
   *
   * @param index the position
   * @param e the new element, not null
   * @return the new list, over a new array
   */
  FrozenList<E> with(int index, E e) {
    Objects.checkIndex(index, size);
    Objects.requireNonNull(e);
    E[] to = Arrays.copyOf(items, size);
    to[index] = e;
    return new FrozenList<>(to, size);
  }

  /**
   * A copy of this list without the element at {@code index}.
   *
   * @param index the position
   * @return the shorter list, over a new array (the empty list when none is left)
   */
  FrozenList<E> without(int index) {
    Objects.checkIndex(index, size);
    if (size == 1) {
      return empty();
    }
    E[] to = Arrays.copyOf(items, size - 1);
    System.arraycopy(items, index + 1, to, index, size - index - 1);
    return new FrozenList<>(to, size - 1);
  }

  /**
   * Copies the elements into an array at a position.
   *
   * @param into the array
   * @param at the first position written
   */
  void copyInto(Object[] into, int at) {
    System.arraycopy(items, 0, into, at, size);
  }

  @Override
  public E get(int index) {
    Objects.checkIndex(index, size);
    return items[index];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Object[] toArray() {
    return Arrays.copyOf(items, size, Object[].class);
  }

  @Override
  public boolean add(E e) {
    throw refused();
  }

  @Override
  public void add(int index, E element) {
    throw refused();
  }

  @Override
  public boolean addAll(Collection<? extends E> c) {
    throw refused();
  }

  @Override
  public boolean addAll(int index, Collection<? extends E> c) {
    throw refused();
  }

  @Override
  public E set(int index, E element) {
    throw refused();
  }

  @Override
  public E remove(int index) {
    throw refused();
  }

  @Override
  public boolean remove(Object o) {
    throw refused();
  }

  @Override
  public boolean removeAll(Collection<?> c) {
    throw refused();
  }

  @Override
  public boolean retainAll(Collection<?> c) {
    throw refused();
  }

  @Override
  public boolean removeIf(Predicate<? super E> filter) {
    throw refused();
  }

  @Override
  public void replaceAll(UnaryOperator<E> operator) {
    throw refused();
  }

  @Override
  public void sort(Comparator<? super E> c) {
    throw refused();
  }

  @Override
  public void clear() {
    throw refused();
  }

  @Override
  protected void removeRange(int fromIndex, int toIndex) {
    throw refused();
  }

  private static UnsupportedOperationException refused() {
    return new UnsupportedOperationException("the list is immutable");
  }
}
