declare module "jinja-js" {
  const jinja: { compile(source: string): { render(data: unknown, options?: unknown): string } };
  export default jinja;
}
