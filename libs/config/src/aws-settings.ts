import { IsInt, IsString, Min, MinLength, ValidateIf } from 'class-validator';

/**
 * Komodo's `[aws]`: the account Aws builders launch their single-use instances in. The secret
 * is masked wherever a build's log, Update or a host's answer could show it, and never logged.
 * Give the key only what the builder does: ec2:RunInstances, ec2:DescribeInstances,
 * ec2:TerminateInstances and ec2:CreateTags (for the Name tag), plus iam:PassRole if the AMI
 * needs a role.
 */
export class AwsSettings {
  @IsString()
  access_key_id = '';

  @IsString()
  @ValidateIf((aws: AwsSettings) => aws.access_key_id !== '')
  @MinLength(1, { message: 'secret_access_key is required with access_key_id' })
  secret_access_key = '';

  /**
   * Another EC2 endpoint than AWS's own for the builder's region (an EC2-compatible cloud, a
   * VPC endpoint, a local endpoint in tests). Empty: AWS's.
   */
  @IsString()
  endpoint = '';

  /** How long an instance may stay `pending` before the build gives up (and terminates it). */
  @IsInt()
  @Min(1000)
  launch_timeout_ms = 5 * 60_000;

  /** How long after `running` the instance's agent has to answer (boot, user data, start-up). */
  @IsInt()
  @Min(1000)
  agent_timeout_ms = 5 * 60_000;

  /** First wait before retrying a failed termination; doubled each time, up to 30 minutes. */
  @IsInt()
  @Min(100)
  termination_retry_ms = 15_000;
}
