// Cheap checks on a zip archive before it is inflated: the signature, and the sizes its central directory declares
// (a 2 MB upload must not unpack into gigabytes).

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

export type ZipCheck = { ok: true } | { ok: false; reason: "not_zip" | "ole" | "too_big" };

/** Uncompressed bytes above which a report workbook cannot be genuine (a filled one unpacks to about 200 KB). */
export const MAX_UNPACKED_BYTES = 40 * 1024 * 1024;
const MAX_ENTRIES = 500;

export function checkZip(bytes: Uint8Array): ZipCheck {
  // D0 CF 11 E0: an OLE compound file, i.e. an old .xls or a password-encrypted .xlsx.
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return { ok: false, reason: "ole" };
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return { ok: false, reason: "not_zip" };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of at most 64 KB.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: "not_zip" };
  const entries = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (entries > MAX_ENTRIES) return { ok: false, reason: "too_big" };
  let offset = directoryOffset;
  let unpacked = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) return { ok: false, reason: "not_zip" };
    unpacked += view.getUint32(offset + 24, true);
    if (unpacked > MAX_UNPACKED_BYTES) return { ok: false, reason: "too_big" };
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return { ok: true };
}
