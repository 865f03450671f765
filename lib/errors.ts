// The typed error vocabulary: each error carries the Chinese message a user sees.
export class AppError extends Error {
  constructor(
    message: string,
    readonly code: "not_found" | "invalid" | "conflict" | "forbidden_state",
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Also used for "outside your scope": a unit the user may not see does not exist for them. */
export class NotFoundError extends AppError {
  constructor(message = "未找到该内容，或您无权查看。") {
    super(message, "not_found");
  }
}

export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message, "invalid");
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super(message, "conflict");
  }
}

/** The action is not allowed in the report's (or year's) current state. */
export class StateError extends AppError {
  constructor(message: string) {
    super(message, "forbidden_state");
  }
}
