// Tests read many JSON answers; `any` here keeps them short. Services never call response.json()
// without parsing the result with a zod schema.
interface Response {
  json(): Promise<any>;
}
