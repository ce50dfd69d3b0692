/** The IAM action a caller needs for an operation, for warnings that say what to grant. */
const PREFIX: Record<string, string> = {
  "vpc-lattice": "vpc-lattice",
  ec2: "ec2",
  rds: "rds",
  sts: "sts",
  lambda: "lambda",
  ram: "ram",
  organizations: "organizations",
};

export function iamActionFor(service: string, operation: string): string {
  return `${PREFIX[service] ?? service}:${operation}`;
}
