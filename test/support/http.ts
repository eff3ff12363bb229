/** Reading HTTP answers in tests: the body as loosely typed JSON, since each test asserts the shape it expects. */
// oxlint-disable-next-line typescript/no-explicit-any -- tests assert on the shape themselves
export type Loose = any;

/** The response body parsed as JSON. */
export async function readJson(res: Response): Promise<Loose> {
  return res.json();
}
