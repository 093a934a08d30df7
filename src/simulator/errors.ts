/**
 * Office error codes and the error object office.js rejects `context.sync()` with (`OfficeExtension.Error`).
 * Messages are Excel's own generic texts followed by what exactly went wrong, so a failing test explains itself.
 */
export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidRequestContext: "InvalidRequestContext",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
  unsupportedOperation: "UnsupportedOperation",
  valueNotLoaded: "ValueNotLoaded",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

const GENERIC_MESSAGES: Partial<Record<ErrorCode, string>> = {
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath:
    "The object path isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.",
  InvalidOperation: "The operation is invalid on the object.",
  InvalidReference: "This reference isn't valid for the current operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  PropertyNotLoaded:
    "The property is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  ValueNotLoaded:
    "The value of the result object has not been loaded yet. Before reading the value property, call \"context.sync()\" on the associated request context.",
};

export interface SimDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
}

/** Stands in for `OfficeExtension.Error` (its `name` is "RichApi.Error" as in office.js). */
export class SimOfficeError extends Error {
  override name = "RichApi.Error";
  code: string;
  debugInfo: SimDebugInfo;
  traceMessages: string[] = [];
  innerError: unknown = null;
  httpStatusCode = 0;

  constructor(code: string, detail?: string, errorLocation?: string) {
    const generic = GENERIC_MESSAGES[code as ErrorCode] ?? code;
    const message = detail ? `${generic} ${detail}` : generic;
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation, statement: errorLocation };
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

export function officeError(code: ErrorCode, detail?: string, errorLocation?: string): SimOfficeError {
  return new SimOfficeError(code, detail, errorLocation);
}
