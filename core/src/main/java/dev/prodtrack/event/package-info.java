/**
 * Kitsu-named events, published to listeners after each commit, in commit order.
 */
package dev.prodtrack.event;
