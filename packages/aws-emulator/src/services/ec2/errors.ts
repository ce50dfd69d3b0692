/** EC2 error codes (rendered as <Response><Errors><Error>…). */
import { AwsError } from "../../core/errors.js";

export const ec2Error = (code: string, message: string, status = 400): AwsError =>
  new AwsError({ code, message, status });

export const ec2NotFound = (code: string, id: string, noun: string): AwsError =>
  ec2Error(code, `The ${noun} ID '${id}' does not exist`);

export const invalidParameter = (message: string): AwsError => ec2Error("InvalidParameter", message);
export const invalidParameterValue = (message: string): AwsError => ec2Error("InvalidParameterValue", message);

export const ec2ServiceErrors = {
  missingParameter: (member: string): AwsError =>
    ec2Error("MissingParameter", `The request must contain the parameter ${member}`),
  unknownOperation: (operation: string): AwsError =>
    ec2Error("InvalidAction", `The action ${operation} is not valid for this web service.`),
  internalError: (message: string): AwsError => ec2Error("InternalError", message, 500),
};
