/**
 * A stable in-place sort for the short lists of one story (its topics, its languages, eld's
 * scores): Array.prototype.sort allocates a work array on every call, which for lists of a
 * handful of items costs more than the sort. Same order as Array.prototype.sort, which is stable
 * too, for any consistent `compare`.
 */

/** Sorts `items` in place by `compare` (insertion sort: equal items keep their order); returns it. */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    while (j >= 0 && compare(items[j]!, item) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}
