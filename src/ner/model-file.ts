import { endianness } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { EntityLexicon } from './entity-lexicon.js';
import { isNerScheme, type NerLabel, tagSetOf } from './labels.js';
import { NerModel, type NerModelInfo } from './model.js';

const MAGIC = 'LIANTU-NER\u0001';

interface Header {
  info: NerModelInfo;
  tagCount: number;
  rows: number;
  entries: number;
  /** Weights are stored as 16-bit integers: weight = stored * weightScale. */
  weightScale: number;
  /** The entity names learned from the training data, with their labels. */
  entities?: [string, NerLabel][];
}

function assertLittleEndian(): void {
  if (endianness() !== 'LE') throw new Error('NER model files are little-endian; this machine is not');
}

/**
 * The model as bytes: a magic line, a JSON header, then the arrays (row keys, entries per row, entry tags,
 * 16-bit weights, transition scores), gzipped.
 */
export function encodeModel(model: NerModel): Buffer {
  assertLittleEndian();
  const rows = model.rowKeys.length;
  const entries = model.entryTags.length;
  let largest = 0;
  for (const weight of model.entryWeights) largest = Math.max(largest, Math.abs(weight));
  const weightScale = largest > 0 ? largest / 32767 : 1;
  const header: Header = { info: model.info, tagCount: model.tagSet.count, rows, entries, weightScale };
  if (model.entities) header.entities = model.entities.entries.map(([name, label]) => [name, label]);
  const perRow = new Uint8Array(rows);
  for (let row = 0; row < rows; row++)
    perRow[row] = (model.rowStart[row + 1] as number) - (model.rowStart[row] as number);
  const weights = Int16Array.from(model.entryWeights, (weight) => Math.round(weight / weightScale));
  const headerBytes = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const parts = [
    Buffer.from(MAGIC),
    length,
    headerBytes,
    Buffer.from(model.rowKeys.buffer, model.rowKeys.byteOffset, model.rowKeys.byteLength),
    Buffer.from(perRow.buffer),
    Buffer.from(model.entryTags.buffer, model.entryTags.byteOffset, model.entryTags.byteLength),
    Buffer.from(weights.buffer),
    Buffer.from(model.pair.buffer, model.pair.byteOffset, model.pair.byteLength),
    Buffer.from(model.first.buffer, model.first.byteOffset, model.first.byteLength),
    Buffer.from(model.last.buffer, model.last.byteOffset, model.last.byteLength),
  ];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

/** Reads a model written by `encodeModel`; `where` names the file in errors. */
export function decodeModel(gzipped: Buffer, where: string): NerModel {
  assertLittleEndian();
  let bytes: Buffer;
  try {
    bytes = gunzipSync(gzipped);
  } catch {
    throw new Error(`${where}: not a gzipped NER model`);
  }
  if (bytes.subarray(0, MAGIC.length).toString() !== MAGIC)
    throw new Error(`${where}: not a Liantu NER model`);
  let at = MAGIC.length;
  if (bytes.length < at + 4) throw new Error(`${where}: model file is truncated`);
  const headerLength = bytes.readUInt32LE(at);
  at += 4;
  if (bytes.length < at + headerLength) throw new Error(`${where}: model file is truncated`);
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(at, at + headerLength).toString()) as Header;
  } catch {
    throw new Error(`${where}: model header is damaged`);
  }
  at += headerLength;
  const count = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;
  if (
    (header.info?.format !== 1 && header.info?.format !== 2) ||
    !count(header.rows) ||
    !count(header.entries)
  ) {
    throw new Error(`${where}: model header is damaged`);
  }
  // Models of format 1 tagged CLUENER's labels and said nothing of a scheme.
  header.info.scheme ??= 'cluener';
  if (!isNerScheme(header.info.scheme))
    throw new Error(`${where}: unknown label scheme "${header.info.scheme}"`);
  const tagSet = tagSetOf(header.info.scheme);
  const tagCount = tagSet.count;
  if (header.tagCount !== tagCount)
    throw new Error(`${where}: model has ${header.tagCount} tags, expected ${tagCount} for ${tagSet.scheme}`);
  const take = (byteLength: number): ArrayBuffer => {
    if (at + byteLength > bytes.length) throw new Error(`${where}: model file is truncated`);
    const copy = new Uint8Array(byteLength);
    copy.set(bytes.subarray(at, at + byteLength));
    at += byteLength;
    return copy.buffer;
  };
  const rowKeys = new Int32Array(take(header.rows * 4));
  const perRow = new Uint8Array(take(header.rows));
  const entryTags = new Uint8Array(take(header.entries));
  const stored = new Int16Array(take(header.entries * 2));
  const pair = new Float32Array(take(tagCount * tagCount * 4));
  const first = new Float32Array(take(tagCount * 4));
  const last = new Float32Array(take(tagCount * 4));
  const rowStart = new Int32Array(header.rows + 1);
  for (let row = 0; row < header.rows; row++)
    rowStart[row + 1] = (rowStart[row] as number) + (perRow[row] as number);
  if (at !== bytes.length) throw new Error(`${where}: ${bytes.length - at} unexpected bytes after the model`);
  if (rowStart[header.rows] !== header.entries || entryTags.some((tag) => tag >= tagCount)) {
    throw new Error(`${where}: model weights are damaged`);
  }
  const entryWeights = Float32Array.from(stored, (value) => value * header.weightScale);
  const entities = header.entities ? new EntityLexicon(header.entities, tagSet.labels) : null;
  return new NerModel({
    info: header.info,
    rowKeys,
    rowStart,
    entryTags,
    entryWeights,
    pair,
    first,
    last,
    entities,
  });
}
