// Reading every page of a list call. SDK paginators are used wherever the SDK has one; a few
// list calls have none (API Gateway v2's NextToken, Route 53's ListResourceRecordSets with its
// name/type/identifier cursor), and `pagesByToken` pages those the same way.

/** Drains an async iterable of pages (an SDK paginator) into one list of items. */
export async function collectPages<Page, Item>(
  pages: AsyncIterable<Page>,
  itemsOf: (page: Page) => readonly Item[] | undefined,
): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of pages) items.push(...(itemsOf(page) ?? []));
  return items;
}

/**
 * Pages a list call by its continuation token until the service returns none. A token that comes
 * back unchanged ends the loop too (as the SDK paginators' `stopOnSameToken` does): a service that
 * repeats itself must not spin a scan forever. Tokens are compared by value, so compound cursors
 * (Route 53's next name + type + identifier) work as well as strings.
 */
export async function* pagesByToken<Page, Token>(
  fetchPage: (token: Token | undefined) => Promise<Page>,
  nextToken: (page: Page) => Token | undefined,
): AsyncGenerator<Page, void, undefined> {
  let token: Token | undefined;
  const seen = new Set<string>();
  for (;;) {
    const page = await fetchPage(token);
    yield page;
    token = nextToken(page);
    if (token === undefined || token === null || token === '') return;
    const key = JSON.stringify(token);
    if (seen.has(key)) return;
    seen.add(key);
  }
}
