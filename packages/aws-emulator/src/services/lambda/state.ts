/** Lambda functions, in the SDK's field names. */
export interface FunctionRecord {
  FunctionName: string;
  FunctionArn: string;
  Runtime?: string;
  Role: string;
  Handler?: string;
  Description?: string;
  Timeout: number;
  MemorySize: number;
  LastModified: string;
  CodeSize: number;
  CodeSha256: string;
  Version: string;
  State: string;
  PackageType: string;
  Architectures: string[];
  VpcConfig?: { SubnetIds: string[]; SecurityGroupIds: string[]; VpcId: string };
  Tags: Record<string, string>;
}

export interface LambdaState {
  functions: Record<string, FunctionRecord>;
}

export function emptyLambdaState(): LambdaState {
  return { functions: {} };
}
