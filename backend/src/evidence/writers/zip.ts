/**
 * Just enough ZIP for reproducible packs: write an archive with fixed entry dates, pin the entry
 * dates of an archive written by someone else (exceljs stamps every entry with the current time), and
 * read entries back (for checks). Deflate comes from node:zlib; no zip64, no encryption.
 */
import zlib from 'node:zlib';

export interface ZipEntry {
  path: string;
  bytes: Buffer;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** MS-DOS date and time of a UTC instant (2-second resolution, from 1980). */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** A deflated archive whose bytes depend only on the entries, their order and the date. */
export function createZip(entries: readonly ZipEntry[], date: Date): Buffer {
  const { time, day } = dosDateTime(date);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const data = zlib.deflateRawSync(entry.bytes, { level: 9 });
    const crc = zlib.crc32(entry.bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.bytes.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

interface CentralRecord {
  at: number;
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function centralRecords(zip: Buffer): CentralRecord[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END) end--;
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const records: CentralRecord[] = [];
  for (let k = 0; k < count; k++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error('not a zip archive: bad central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    records.push({
      at,
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return records;
}

/** A copy of the archive with every entry's modification date set to `date`. */
export function pinZipDates(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, day } = dosDateTime(date);
  for (const record of centralRecords(out)) {
    out.writeUInt16LE(time, record.at + 12);
    out.writeUInt16LE(day, record.at + 14);
    if (out.readUInt32LE(record.localOffset) !== LOCAL) throw new Error('not a zip archive: bad local header');
    out.writeUInt16LE(time, record.localOffset + 10);
    out.writeUInt16LE(day, record.localOffset + 12);
  }
  return out;
}

/** Every entry, uncompressed. */
export function readZip(zip: Buffer): ZipEntry[] {
  return centralRecords(zip).map((record) => {
    const local = record.localOffset;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + record.compressedSize);
    if (record.method === 0) return { path: record.name, bytes: Buffer.from(data) };
    if (record.method === 8) return { path: record.name, bytes: zlib.inflateRawSync(data) };
    throw new Error(`zip entry ${record.name} uses unsupported method ${record.method}`);
  });
}
