/**
 * Reads the items of a Kubernetes List document (`kubectl get -o json`) one at a time from a file too large to parse
 * whole: a byte scanner follows strings and nesting, cuts out each object of the top-level `items` array and parses
 * only that object.
 */
import { createReadStream } from 'node:fs';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

export class ListItemSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Directly inside the top-level object, between a `{` or `,` and the next key. */
  private expectKey = false;
  private keyBytes: number[] | undefined;
  private lastKey = '';
  private inItems = false;
  /** The pieces of the item being cut out, when inside one. */
  private item: Buffer[] | undefined;

  /** Feeds the next chunk of the document; returns the items completed in it. */
  feed(chunk: Buffer): unknown[] {
    const items: unknown[] = [];
    let itemStart = this.item === undefined ? -1 : 0;
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.endString();
        else this.keyBytes?.push(byte);
        continue;
      }
      switch (byte) {
        case QUOTE:
          this.inString = true;
          if (this.depth === 1 && this.expectKey) {
            this.keyBytes = [];
            this.expectKey = false;
          }
          break;
        case COLON:
          break;
        case COMMA:
          if (this.depth === 1) this.expectKey = true;
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          this.depth++;
          if (this.depth === 1) this.expectKey = true;
          else if (this.depth === 2 && byte === OPEN_BRACKET && this.lastKey === 'items') this.inItems = true;
          else if (this.depth === 3 && this.inItems && byte === OPEN_BRACE) {
            this.item = [];
            itemStart = index;
          }
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          if (this.depth === 3 && this.item !== undefined && byte === CLOSE_BRACE) {
            this.item.push(chunk.subarray(itemStart, index + 1));
            items.push(JSON.parse(Buffer.concat(this.item).toString('utf8')));
            this.item = undefined;
            itemStart = -1;
          }
          if (this.depth === 2) this.inItems = false;
          this.depth--;
          break;
      }
    }
    if (this.item !== undefined && itemStart >= 0) this.item.push(chunk.subarray(itemStart));
    return items;
  }

  private endString(): void {
    this.inString = false;
    if (this.keyBytes === undefined) return;
    this.lastKey = Buffer.from(this.keyBytes).toString('utf8');
    this.keyBytes = undefined;
  }
}

/** The items of the List document in the file, parsed one by one. */
export async function* listItems(path: string): AsyncGenerator<unknown> {
  const splitter = new ListItemSplitter();
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) yield* splitter.feed(chunk as Buffer);
}
