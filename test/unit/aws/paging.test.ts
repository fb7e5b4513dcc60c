// The one pure paging helper, over a fake page source (the only fake the aws code allows itself):
// every page in order, tokens passed back as given, and an end to a service that repeats itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectPages, pagesByToken } from '../../../src/aws/paging';

interface Page {
  items: string[];
  next?: string;
}

function fakeSource(pages: Record<string, Page>) {
  const asked: (string | undefined)[] = [];
  const fetchPage = async (token: string | undefined): Promise<Page> => {
    asked.push(token);
    const page = pages[token ?? ''];
    if (!page) throw new Error(`no page for ${token}`);
    return page;
  };
  return { asked, fetchPage };
}

test('reads every page in order, passing each token back', async () => {
  const { asked, fetchPage } = fakeSource({ '': { items: ['a', 'b'], next: 't1' }, t1: { items: [], next: 't2' }, t2: { items: ['c'] } });
  const items = await collectPages(pagesByToken(fetchPage, (p) => p.next), (p) => p.items);
  assert.deepEqual(items, ['a', 'b', 'c']);
  assert.deepEqual(asked, [undefined, 't1', 't2']);
});

test('an empty-string token ends the list, as several AWS APIs send it', async () => {
  const { asked, fetchPage } = fakeSource({ '': { items: ['a'], next: '' } });
  assert.deepEqual(await collectPages(pagesByToken(fetchPage, (p) => p.next), (p) => p.items), ['a']);
  assert.deepEqual(asked, [undefined]);
});

test('a token the service already sent stops the loop instead of spinning', async () => {
  const { asked, fetchPage } = fakeSource({ '': { items: ['a'], next: 'loop' }, loop: { items: ['b'], next: 'loop' } });
  assert.deepEqual(await collectPages(pagesByToken(fetchPage, (p) => p.next), (p) => p.items), ['a', 'b']);
  assert.deepEqual(asked, [undefined, 'loop']);
});

test('compound cursors (Route 53 name + type + identifier) are compared by value', async () => {
  type Cursor = { name: string; type: string };
  const seen: (Cursor | undefined)[] = [];
  const pages = pagesByToken(
    async (cursor: Cursor | undefined) => {
      seen.push(cursor);
      return seen.length < 3 ? { items: [seen.length], next: { name: 'x.', type: 'A' } } : { items: [9] };
    },
    (page) => page.next,
  );
  assert.deepEqual(await collectPages(pages, (p) => p.items), [1, 2]);
  assert.deepEqual(seen, [undefined, { name: 'x.', type: 'A' }]);
});

test('a failing page fails the list: a partial list must not pass for a whole one', async () => {
  const { fetchPage } = fakeSource({ '': { items: ['a'], next: 'missing' } });
  await assert.rejects(collectPages(pagesByToken(fetchPage, (p) => p.next), (p) => p.items), /no page for missing/);
});

test('collectPages drains any async iterable of pages, skipping pages without items', async () => {
  async function* pages() {
    yield { Items: ['a'] };
    yield {};
    yield { Items: ['b', 'c'] };
  }
  assert.deepEqual(await collectPages(pages(), (p: { Items?: string[] }) => p.Items), ['a', 'b', 'c']);
});
