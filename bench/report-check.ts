/**
 * Checks a JSON report too large to parse whole: one streaming pass confirms it is one complete JSON object and
 * notes where each top-level member's value lies (and how many items a top-level array holds); then only the
 * `summary` member is read back and parsed.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

export interface TopLevelMember {
  /** Byte offsets of the value (after the colon, up to the comma or closing brace). */
  start: number;
  end: number;
  /** Item count when the value is an array. */
  items?: number;
}

export interface ReportOutline {
  members: Map<string, TopLevelMember>;
  /** Why the text is not one complete JSON object, if it is not. */
  problem?: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
/** Keys longer than this are not report sections; they are kept truncated. */
const MAX_KEY_BYTES = 256;

/**
 * A byte-level scanner for the outline of a top-level JSON object. It tracks nesting and strings, not values: a
 * syntax error inside a value goes unnoticed, but truncation, unbalanced brackets and trailing text do not.
 */
export class OutlineScanner {
  private readonly members = new Map<string, TopLevelMember>();
  private problem: string | undefined;
  private offset = 0;
  /** The closing bracket each open level expects; its length is the nesting depth. */
  private readonly closers: number[] = [];
  private inString = false;
  private escaped = false;
  private rootClosed = false;
  private expectKey = false;
  private keyBytes: number[] | undefined;
  private key: string | undefined;
  private member: TopLevelMember | undefined;
  /** Whether the current member's value has begun (its first non-space byte was seen). */
  private valueBegun = false;
  private arrayCommas = 0;
  private arrayHasItem = false;

  private get depth(): number {
    return this.closers.length;
  }

  feed(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length && this.problem === undefined; i++) this.byte(chunk[i]!, this.offset + i);
    this.offset += chunk.length;
  }

  finish(): ReportOutline {
    if (this.problem === undefined) {
      if (this.offset === 0) this.problem = 'the report is empty';
      else if (!this.rootClosed) this.problem = `the report ends inside ${this.inString ? 'a string' : `nesting depth ${this.depth}`} (truncated?)`;
    }
    return this.problem === undefined ? { members: this.members } : { members: this.members, problem: this.problem };
  }

  private fail(problem: string, at: number): void {
    this.problem = `${problem} at byte ${at}`;
  }

  private byte(byte: number, at: number): void {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (byte === BACKSLASH) this.escaped = true;
      else if (byte === QUOTE) return this.endString();
      if (this.keyBytes && this.keyBytes.length < MAX_KEY_BYTES) this.keyBytes.push(byte);
      return;
    }
    if (isSpace(byte)) return;
    if (this.rootClosed) return this.fail('text after the end of the report object', at);
    if (this.depth === 0 && byte !== OPEN_BRACE) return this.fail('the report is not a JSON object', at);
    if (this.depth === 1) this.atTopLevel(byte, at);
    else if (this.depth === 2 && this.member?.items !== undefined) this.inTopLevelArray(byte);

    switch (byte) {
      case QUOTE:
        this.inString = true;
        break;
      case OPEN_BRACE:
      case OPEN_BRACKET:
        this.closers.push(byte === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
        if (this.depth === 1) this.expectKey = true;
        break;
      case CLOSE_BRACE:
      case CLOSE_BRACKET:
        if (this.closers.pop() !== byte) return this.fail(`unbalanced "${String.fromCharCode(byte)}"`, at);
        if (this.depth === 0) this.rootClosed = true;
        break;
    }
  }

  /** A structural byte directly inside the report object. */
  private atTopLevel(byte: number, at: number): void {
    if (this.member && !this.valueBegun && byte !== COMMA && byte !== CLOSE_BRACE) {
      this.valueBegun = true;
      if (byte === OPEN_BRACKET) {
        this.member.items = 0;
        this.arrayCommas = 0;
        this.arrayHasItem = false;
      }
      return;
    }
    if (byte === QUOTE && this.expectKey) {
      this.keyBytes = [];
      this.expectKey = false;
    } else if (byte === COLON && this.key !== undefined && !this.member) {
      this.member = { start: at + 1, end: at + 1 };
      this.valueBegun = false;
    } else if (byte === COMMA || byte === CLOSE_BRACE) {
      this.endMember(at);
      this.expectKey = byte === COMMA;
    }
  }

  /** A structural byte directly inside a top-level array: counts its items by their separators. */
  private inTopLevelArray(byte: number): void {
    if (byte === COMMA) this.arrayCommas++;
    else if (byte !== CLOSE_BRACKET) this.arrayHasItem = true;
  }

  private endString(): void {
    this.inString = false;
    if (!this.keyBytes) return;
    this.key = decodeKey(this.keyBytes);
    this.keyBytes = undefined;
  }

  private endMember(at: number): void {
    if (!this.member || this.key === undefined) return;
    this.member.end = at;
    if (this.member.items !== undefined) this.member.items = this.arrayHasItem ? this.arrayCommas + 1 : 0;
    this.members.set(this.key, this.member);
    this.member = undefined;
    this.key = undefined;
  }
}

/** The key's text from its raw bytes, which still carry JSON escapes. */
function decodeKey(bytes: number[]): string {
  const raw = Buffer.from(bytes).toString('utf8');
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** Streams a report file through the outline scanner. */
export async function outlineReport(path: string): Promise<ReportOutline> {
  const scanner = new OutlineScanner();
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) scanner.feed(chunk as Buffer);
  return scanner.finish();
}

/** Parses one top-level member's value out of the file. */
export async function readMember(path: string, member: TopLevelMember): Promise<unknown> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(member.end - member.start);
    await file.read(buffer, 0, buffer.length, member.start);
    return JSON.parse(buffer.toString('utf8')) as unknown;
  } finally {
    await file.close();
  }
}
