// SAM policy templates: the statements each one stands for, from SAM's policy_templates.json
// (samtranslator/policy_templates_data). Resource patterns use the template's own parameter
// names (${QueueName}) and pseudo parameters, and are expanded like Fn::Sub.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html
// The CodeCommit templates grant ~60 actions each; only a representative few are listed, since
// what the analysis reads from a template is which service the function calls.

export interface TemplateStatement {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

const arn = (service: string, path: string): string => `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${path}`;
const s = (actions: string[], ...resources: string[]): TemplateStatement => ({ actions, resources: resources.length > 0 ? resources : ['*'] });

const TABLE = arn('dynamodb', 'table/${TableName}');
const BUCKET = 'arn:${AWS::Partition}:s3:::${BucketName}';
const COLLECTION = arn('rekognition', 'collection/${CollectionId}');
const SES_IDENTITY = arn('ses', 'identity/${IdentityName}');
const STREAM = arn('kinesis', 'stream/${StreamName}');
const DELIVERY_STREAM = arn('firehose', 'deliverystream/${DeliveryStreamName}');
const REPOSITORY = arn('codecommit', '${RepositoryName}');

export const POLICY_TEMPLATES: Readonly<Record<string, readonly TemplateStatement[]>> = {
  SQSPollerPolicy: [
    s(['sqs:ChangeMessageVisibility', 'sqs:ChangeMessageVisibilityBatch', 'sqs:DeleteMessage', 'sqs:DeleteMessageBatch', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'], arn('sqs', '${QueueName}')),
  ],
  SQSSendMessagePolicy: [s(['sqs:SendMessage*'], arn('sqs', '${QueueName}'))],
  LambdaInvokePolicy: [s(['lambda:InvokeFunction'], arn('lambda', 'function:${FunctionName}*'))],
  CloudWatchDescribeAlarmHistoryPolicy: [s(['cloudwatch:DescribeAlarmHistory'])],
  CloudWatchPutMetricPolicy: [s(['cloudwatch:PutMetricData'])],
  CloudWatchDashboardPolicy: [s(['cloudwatch:GetDashboard', 'cloudwatch:ListDashboards', 'cloudwatch:PutDashboard', 'cloudwatch:ListMetrics'])],
  EC2DescribePolicy: [s(['ec2:DescribeRegions', 'ec2:DescribeInstances'])],
  EC2CopyImagePolicy: [s(['ec2:CopyImage'], arn('ec2', 'image/${ImageId}'))],
  AMIDescribePolicy: [s(['ec2:DescribeImages'], arn('ec2', 'image/*'))],
  DynamoDBCrudPolicy: [
    s(
      ['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable', 'dynamodb:ConditionCheckItem'],
      TABLE,
      `${TABLE}/index/*`,
    ),
  ],
  DynamoDBReadPolicy: [s(['dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'], TABLE, `${TABLE}/index/*`)],
  DynamoDBWritePolicy: [s(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'], TABLE, `${TABLE}/index/*`)],
  DynamoDBReconfigurePolicy: [s(['dynamodb:UpdateTable'], TABLE)],
  DynamoDBStreamReadPolicy: [
    s(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], `${TABLE}/stream/\${StreamName}`),
    s(['dynamodb:ListStreams'], `${TABLE}/stream/*`),
  ],
  DynamoDBBackupFullAccessPolicy: [
    s(['dynamodb:CreateBackup', 'dynamodb:DescribeContinuousBackups'], TABLE),
    s(['dynamodb:DeleteBackup', 'dynamodb:DescribeBackup', 'dynamodb:ListBackups'], `${TABLE}/backup/*`),
  ],
  DynamoDBRestoreFromBackupPolicy: [
    s(['dynamodb:RestoreTableFromBackup'], `${TABLE}/backup/*`),
    s(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchWriteItem'], TABLE),
  ],
  SESSendBouncePolicy: [s(['ses:SendBounce'], SES_IDENTITY)],
  SESCrudPolicy: [s(['ses:GetIdentityVerificationAttributes', 'ses:SendEmail', 'ses:SendRawEmail', 'ses:VerifyEmailIdentity'], SES_IDENTITY)],
  SESBulkTemplatedCrudPolicy: [
    s(['ses:GetIdentityVerificationAttributes', 'ses:SendEmail', 'ses:SendRawEmail', 'ses:SendTemplatedEmail', 'ses:SendBulkTemplatedEmail', 'ses:VerifyEmailIdentity'], SES_IDENTITY),
  ],
  SESEmailTemplateCrudPolicy: [s(['ses:CreateTemplate', 'ses:GetTemplate', 'ses:ListTemplates', 'ses:UpdateTemplate', 'ses:DeleteTemplate', 'ses:TestRenderTemplate'])],
  ElasticsearchHttpPostPolicy: [s(['es:ESHttpPost', 'es:ESHttpPut'], arn('es', 'domain/${DomainName}/*'))],
  S3ReadPolicy: [s(['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:GetLifecycleConfiguration'], BUCKET, `${BUCKET}/*`)],
  S3WritePolicy: [s(['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'], BUCKET, `${BUCKET}/*`)],
  S3CrudPolicy: [
    s(
      ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:PutObject', 's3:PutObjectAcl', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration', 's3:DeleteObject'],
      BUCKET,
      `${BUCKET}/*`,
    ),
  ],
  S3FullAccessPolicy: [
    s(['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectVersion', 's3:PutObject', 's3:PutObjectAcl', 's3:DeleteObject', 's3:DeleteObjectTagging', 's3:DeleteObjectVersionTagging', 's3:GetObjectTagging', 's3:GetObjectVersionTagging', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'], `${BUCKET}/*`),
    s(['s3:ListBucket', 's3:GetBucketLocation', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration'], BUCKET),
  ],
  CloudFormationDescribeStacksPolicy: [s(['cloudformation:DescribeStacks'], arn('cloudformation', 'stack/*'))],
  RekognitionDetectOnlyPolicy: [s(['rekognition:DetectFaces', 'rekognition:DetectLabels', 'rekognition:DetectModerationLabels', 'rekognition:DetectText'])],
  RekognitionNoDataAccessPolicy: [s(['rekognition:CompareFaces', 'rekognition:DetectFaces', 'rekognition:DetectLabels', 'rekognition:DetectModerationLabels'], COLLECTION)],
  RekognitionReadPolicy: [s(['rekognition:ListCollections', 'rekognition:ListFaces', 'rekognition:SearchFaces', 'rekognition:SearchFacesByImage'], COLLECTION)],
  RekognitionWriteOnlyAccessPolicy: [s(['rekognition:CreateCollection', 'rekognition:IndexFaces'], COLLECTION)],
  RekognitionFacesManagementPolicy: [s(['rekognition:IndexFaces', 'rekognition:DeleteFaces', 'rekognition:SearchFaces', 'rekognition:SearchFacesByImage', 'rekognition:ListFaces'], COLLECTION)],
  RekognitionFacesPolicy: [s(['rekognition:CompareFaces', 'rekognition:DetectFaces'])],
  RekognitionLabelsPolicy: [s(['rekognition:DetectLabels', 'rekognition:DetectModerationLabels'])],
  SNSPublishMessagePolicy: [s(['sns:Publish'], arn('sns', '${TopicName}'))],
  SNSCrudPolicy: [s(['sns:ListSubscriptionsByTopic', 'sns:CreateTopic', 'sns:SetTopicAttributes', 'sns:Subscribe', 'sns:Publish'], arn('sns', '${TopicName}*'))],
  VPCAccessPolicy: [s(['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DetachNetworkInterface'])],
  KinesisStreamReadPolicy: [
    s(['kinesis:ListStreams', 'kinesis:DescribeLimits'], arn('kinesis', 'stream/*')),
    s(['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator'], STREAM),
  ],
  KinesisCrudPolicy: [
    s(
      ['kinesis:AddTagsToStream', 'kinesis:CreateStream', 'kinesis:DecreaseStreamRetentionPeriod', 'kinesis:DeleteStream', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetShardIterator', 'kinesis:IncreaseStreamRetentionPeriod', 'kinesis:ListTagsForStream', 'kinesis:MergeShards', 'kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:SplitShard', 'kinesis:RemoveTagsFromStream'],
      STREAM,
    ),
  ],
  KMSDecryptPolicy: [s(['kms:Decrypt'], arn('kms', 'key/${KeyId}'))],
  KMSEncryptPolicy: [s(['kms:Encrypt'], arn('kms', 'key/${KeyId}'))],
  PollyFullAccessPolicy: [
    s(['polly:GetLexicon', 'polly:DeleteLexicon'], arn('polly', 'lexicon/${LexiconName}')),
    s(['polly:DescribeVoices', 'polly:ListLexicons', 'polly:PutLexicon', 'polly:SynthesizeSpeech'], arn('polly', 'lexicon/*')),
  ],
  CodePipelineLambdaExecutionPolicy: [s(['codepipeline:PutJobSuccessResult', 'codepipeline:PutJobFailureResult'])],
  CodePipelineReadOnlyPolicy: [s(['codepipeline:ListPipelineExecutions'], arn('codepipeline', '${PipelineName}'))],
  ServerlessRepoReadWriteAccessPolicy: [
    s(['serverlessrepo:CreateApplication', 'serverlessrepo:CreateApplicationVersion', 'serverlessrepo:UpdateApplication', 'serverlessrepo:GetApplication', 'serverlessrepo:ListApplications', 'serverlessrepo:ListApplicationVersions', 'serverlessrepo:ListApplicationDependencies'], arn('serverlessrepo', 'applications/*')),
  ],
  ComprehendBasicAccessPolicy: [
    s(['comprehend:BatchDetectKeyPhrases', 'comprehend:DetectDominantLanguage', 'comprehend:DetectEntities', 'comprehend:BatchDetectEntities', 'comprehend:DetectKeyPhrases', 'comprehend:DetectSentiment', 'comprehend:BatchDetectDominantLanguage', 'comprehend:BatchDetectSentiment']),
  ],
  AWSSecretsManagerRotationPolicy: [
    s(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'], arn('secretsmanager', 'secret:*')),
    s(['secretsmanager:GetRandomPassword']),
  ],
  AWSSecretsManagerGetSecretValuePolicy: [s(['secretsmanager:GetSecretValue'], '${SecretArn}')],
  MobileAnalyticsWriteOnlyAccessPolicy: [s(['mobileanalytics:PutEvents'])],
  PinpointEndpointAccessPolicy: [s(['mobiletargeting:GetEndpoint', 'mobiletargeting:UpdateEndpoint', 'mobiletargeting:UpdateEndpointsBatch'], arn('mobiletargeting', 'apps/${PinpointApplicationId}/endpoints/*'))],
  FirehoseWritePolicy: [s(['firehose:PutRecord', 'firehose:PutRecordBatch'], DELIVERY_STREAM)],
  FirehoseCrudPolicy: [s(['firehose:CreateDeliveryStream', 'firehose:DeleteDeliveryStream', 'firehose:DescribeDeliveryStream', 'firehose:PutRecord', 'firehose:PutRecordBatch', 'firehose:UpdateDestination'], DELIVERY_STREAM)],
  EKSDescribePolicy: [s(['eks:DescribeCluster', 'eks:ListClusters'])],
  CostExplorerReadOnlyPolicy: [s(['ce:GetCostAndUsage', 'ce:GetDimensionValues', 'ce:GetReservationCoverage', 'ce:GetReservationPurchaseRecommendation', 'ce:GetReservationUtilization', 'ce:GetTags'])],
  OrganizationsListAccountsPolicy: [s(['organizations:ListAccounts'])],
  FilterLogEventsPolicy: [s(['logs:FilterLogEvents'], arn('logs', 'log-group:${LogGroupName}:log-stream:*'))],
  SSMParameterReadPolicy: [
    s(['ssm:DescribeParameters']),
    s(['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'], arn('ssm', 'parameter/${ParameterName}')),
  ],
  SSMParameterWithSlashPrefixReadPolicy: [
    s(['ssm:DescribeParameters']),
    s(['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'], arn('ssm', 'parameter${ParameterName}')),
  ],
  StepFunctionsExecutionPolicy: [s(['states:StartExecution'], arn('states', 'stateMachine:${StateMachineName}'))],
  StepFunctionsCallbackPolicy: [s(['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'], arn('states', 'stateMachine:${StateMachineName}'))],
  EventBridgePutEventsPolicy: [s(['events:PutEvents'], arn('events', 'event-bus/${EventBusName}'))],
  AcmGetCertificatePolicy: [s(['acm:GetCertificate'], '${CertificateArn}')],
  Route53ChangeResourceRecordSetsPolicy: [s(['route53:ChangeResourceRecordSets'], 'arn:${AWS::Partition}:route53:::hostedzone/${HostedZoneId}')],
  CodeCommitCrudPolicy: [s(['codecommit:GitPull', 'codecommit:GitPush', 'codecommit:CreateBranch', 'codecommit:GetFile', 'codecommit:PutFile', 'codecommit:CreateCommit'], REPOSITORY)],
  CodeCommitReadPolicy: [s(['codecommit:GitPull', 'codecommit:GetBranch', 'codecommit:GetFile', 'codecommit:GetCommit', 'codecommit:GetRepository'], REPOSITORY)],
  AthenaQueryPolicy: [
    s(['athena:ListWorkGroups', 'athena:GetExecutionEngine', 'athena:GetExecutionEngines', 'athena:GetNamespace', 'athena:GetCatalogs', 'athena:GetNamespaces', 'athena:GetTables', 'athena:GetTable']),
    s(['athena:StartQueryExecution', 'athena:GetQueryResults', 'athena:DeleteNamedQuery', 'athena:GetNamedQuery', 'athena:ListQueryExecutions', 'athena:StopQueryExecution', 'athena:GetQueryResultsStream', 'athena:ListNamedQueries', 'athena:CreateNamedQuery', 'athena:GetQueryExecution', 'athena:BatchGetNamedQuery', 'athena:BatchGetQueryExecution', 'athena:GetWorkGroup'], arn('athena', 'workgroup/${WorkGroupName}')),
  ],
  EFSWriteAccessPolicy: [s(['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'], arn('elasticfilesystem', 'file-system/${FileSystem}'))],
  TextractPolicy: [s(['textract:*'])],
  TextractDetectAnalyzePolicy: [s(['textract:DetectDocumentText', 'textract:StartDocumentTextDetection', 'textract:StartDocumentAnalysis', 'textract:AnalyzeDocument'])],
  TextractGetResultPolicy: [s(['textract:GetDocumentTextDetection', 'textract:GetDocumentAnalysis'])],
};
