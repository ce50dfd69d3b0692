/** RDS error codes (awsQuery ErrorResponse envelope). */
import { AwsError } from "../../core/errors.js";

export const rdsError = (code: string, message: string, status = 400): AwsError =>
  new AwsError({ code, message, status });

export const rdsServiceErrors = {
  missingParameter: (member: string): AwsError =>
    rdsError("MissingParameter", `The request must contain the parameter ${member}`),
  unknownOperation: (operation: string): AwsError =>
    rdsError("InvalidAction", `The action ${operation} is not valid for this web service.`),
  internalError: (message: string): AwsError => rdsError("InternalFailure", message, 500),
};
