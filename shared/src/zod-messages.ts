import { z } from "zod";

// One wording for every message a schema does not word itself (query parameters, settings), the
// same as the hand-written ones: "must be at least 1", not zod's "Too small: expected number to be >=1".
const figure = (n: number | bigint) => Number(n).toLocaleString("en");

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        if (issue.input === undefined) return "is required";
        if (issue.expected === "int") return "must be an integer";
        return issue.expected === "number" ? "must be a number" : `must be of type ${issue.expected}`;
      case "too_small":
        if (issue.origin === "string") return issue.minimum === 1 ? "must not be empty" : `must be at least ${figure(issue.minimum)} characters`;
        if (issue.origin === "array") return `must have at least ${figure(issue.minimum)} item(s)`;
        return issue.inclusive === false ? `must be greater than ${figure(issue.minimum)}` : `must be at least ${figure(issue.minimum)}`;
      case "too_big":
        if (issue.origin === "string") return `must be at most ${figure(issue.maximum)} characters`;
        if (issue.origin === "array") return `must have at most ${figure(issue.maximum)} item(s)`;
        return issue.inclusive === false ? `must be less than ${figure(issue.maximum)}` : `must be at most ${figure(issue.maximum)}`;
      case "invalid_value":
        return `must be one of ${issue.values.map(String).join(", ")}`;
      default:
        return undefined;
    }
  },
});
