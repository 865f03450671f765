// readLimitedBody: refuses a body over the limit whether or not its Content-Length says so; returns the bytes otherwise.
import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readLimitedBody } from "./read-limited-body";

/** A streamed body without Content-Length, in chunks of the given sizes. */
function streamed(chunks: number[]): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      chunks.forEach((size, i) => controller.enqueue(new Uint8Array(size).fill(i + 1)));
      controller.close();
    },
  });
  return new Request("http://localhost/upload", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readLimitedBody", () => {
  it("returns the whole body within the limit", async () => {
    const bytes = await readLimitedBody(streamed([3, 4]), 7);
    expect([...bytes]).toEqual([1, 1, 1, 2, 2, 2, 2]);
  });

  it("refuses a streamed body that passes the limit, without a length header", async () => {
    await expect(readLimitedBody(streamed([5, 5]), 7)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const request = new Request("http://localhost/upload", { method: "POST", body: "x", headers: { "content-length": "999" } });
    await expect(readLimitedBody(request, 10)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});
