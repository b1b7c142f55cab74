package kiosk.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the AWS::DynamoDB::Table and AWS::SQS::Queue resources of a template against local
 * servers, and resolves the intrinsic functions that refer to them the way CloudFormation would.
 * Creation is idempotent, so a persistent DynamoDB Local keeps its tables across restarts.
 */
public final class Resources {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Template template;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final String region;
    private final String account;
    private final Map<String, Map<String, Object>> tables;
    private final Map<String, Map<String, Object>> queues;
    private final Map<String, String> tableNames = new LinkedHashMap<>();
    private final Map<String, String> queueUrls = new LinkedHashMap<>();
    private final Map<String, String> otherRefs = new LinkedHashMap<>();

    Resources(Template template, DynamoDbClient dynamoDb, SqsClient sqs, String region, String account) {
        this.template = template;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.region = region;
        this.account = account;
        this.tables = template.resources("AWS::DynamoDB::Table");
        this.queues = template.resources("AWS::SQS::Queue");
    }

    void createAll() {
        tables.keySet().forEach(id -> tableNames.put(id, createTable(id, declaredName(id, tables))));
        // Queues first without redrive policies: a policy names its dead-letter queue by ARN,
        // which exists only once that queue does.
        queues.forEach((id, properties) -> {
            Map<String, String> attributes = queueAttributes(properties, false);
            String name = declaredName(id, queues);
            if ("true".equals(attributes.get(QueueAttributeName.FIFO_QUEUE.toString())) && !name.endsWith(".fifo")) {
                name = name + ".fifo";
            }
            String queueName = name;
            queueUrls.put(id, sqs.createQueue(b -> b.queueName(queueName).attributesWithStrings(attributes)).queueUrl());
        });
        queues.forEach((id, properties) -> {
            Map<String, String> attributes = queueAttributes(properties, true);
            if (!attributes.isEmpty()) {
                sqs.setQueueAttributes(b -> b.queueUrl(queueUrls.get(id)).attributesWithStrings(attributes));
            }
        });
    }

    public Map<String, String> tableNames() {
        return Map.copyOf(tableNames);
    }

    public Map<String, String> queueUrls() {
        return Map.copyOf(queueUrls);
    }

    public String tableName(String logicalId) {
        String name = tableNames.get(logicalId);
        if (name == null) {
            throw new IllegalArgumentException("template.yaml declares no table " + logicalId + "; it has " + tableNames.keySet());
        }
        return name;
    }

    public String queueUrl(String logicalId) {
        String url = queueUrls.get(logicalId);
        if (url == null) {
            throw new IllegalArgumentException("template.yaml declares no queue " + logicalId + "; it has " + queueUrls.keySet());
        }
        return url;
    }

    /**
     * What {@code !Ref} of another resource the caller emulates answers (a secret's name, say),
     * for the intrinsic functions to resolve it.
     */
    public void defineRef(String logicalId, String value) {
        otherRefs.put(logicalId, value);
    }

    public String queueArn(String logicalId) {
        String url = queueUrl(logicalId);
        return "arn:aws:sqs:" + region + ":" + account + ":" + url.substring(url.lastIndexOf('/') + 1);
    }

    /** Creates the table a logical id declares under the given name; an existing one is kept. */
    String createTable(String logicalId, String name) {
        Map<String, Object> p = tables.get(logicalId);
        if (p == null) {
            throw new IllegalArgumentException("template.yaml declares no table " + logicalId);
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(list(p.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder().attributeName(text(a, "AttributeName"))
                                .attributeType(text(a, "AttributeType")).build())
                        .toList())
                .keySchema(keySchema(p.get("KeySchema")));
        boolean provisioned = "PROVISIONED".equals(resolve(p.get("BillingMode")));
        request.billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
        if (provisioned) {
            request.provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
        }
        if (p.get("GlobalSecondaryIndexes") != null) {
            request.globalSecondaryIndexes(list(p.get("GlobalSecondaryIndexes")).stream().map(index -> {
                GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder().indexName(text(index, "IndexName"))
                        .keySchema(keySchema(index.get("KeySchema"))).projection(projection(index.get("Projection")));
                if (provisioned) {
                    gsi.provisionedThroughput(throughput(index.get("ProvisionedThroughput")));
                }
                return gsi.build();
            }).toList());
        }
        if (p.get("LocalSecondaryIndexes") != null) {
            request.localSecondaryIndexes(list(p.get("LocalSecondaryIndexes")).stream()
                    .map(index -> LocalSecondaryIndex.builder().indexName(text(index, "IndexName"))
                            .keySchema(keySchema(index.get("KeySchema"))).projection(projection(index.get("Projection")))
                            .build())
                    .toList());
        }
        if (p.get("StreamSpecification") instanceof Map<?, ?> stream) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(String.valueOf(resolve(stream.get("StreamViewType")))).build());
        }
        try {
            dynamoDb.createTable(request.build());
        } catch (ResourceInUseException alreadyThere) {
            return name;
        }
        if (p.get("TimeToLiveSpecification") instanceof Map<?, ?> ttl && Boolean.TRUE.equals(resolve(ttl.get("Enabled")))) {
            dynamoDb.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(
                    t -> t.attributeName(String.valueOf(resolve(ttl.get("AttributeName")))).enabled(true)));
        }
        return name;
    }

    /**
     * Resolves Ref, Fn::GetAtt, Fn::Sub and Fn::Join over tables, queues, parameters' defaults and
     * pseudo parameters. Anything else (another resource type, a condition) is left as it is.
     */
    public Object resolve(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> only = map.entrySet().iterator().next();
            Object argument = only.getValue();
            switch (String.valueOf(only.getKey())) {
                case "Ref" -> {
                    return ref(String.valueOf(argument));
                }
                case "Fn::GetAtt" -> {
                    List<?> parts = argument instanceof List<?> l ? l : List.of(String.valueOf(argument).split("\\.", 2));
                    return getAtt(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
                }
                case "Fn::Sub" -> {
                    if (argument instanceof List<?> l) {
                        Map<String, Object> variables = new LinkedHashMap<>();
                        Template.cast((Map<?, ?>) l.get(1)).forEach((k, v) -> variables.put(k, resolve(v)));
                        return sub(String.valueOf(l.get(0)), variables);
                    }
                    return sub(String.valueOf(argument), Map.of());
                }
                case "Fn::Join" -> {
                    List<?> l = (List<?>) argument;
                    List<String> parts = new ArrayList<>();
                    for (Object part : (List<?>) resolve(l.get(1))) {
                        parts.add(String.valueOf(part));
                    }
                    return String.join(String.valueOf(l.get(0)), parts);
                }
                default -> {
                    // not ours to resolve: fall through to a plain copy
                }
            }
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), resolve(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::resolve).toList();
        }
        return value;
    }

    private Object ref(String name) {
        return switch (name) {
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> account;
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::StackName" -> "kiosk-local";
            default -> {
                if (tableNames.containsKey(name)) {
                    yield tableNames.get(name);
                }
                if (queueUrls.containsKey(name)) {
                    yield queueUrls.get(name);
                }
                if (otherRefs.containsKey(name)) {
                    yield otherRefs.get(name);
                }
                Object parameter = template.section("Parameters").get(name);
                if (parameter instanceof Map<?, ?> p && p.containsKey("Default")) {
                    Object fallback = p.get("Default");
                    yield "CommaDelimitedList".equals(p.get("Type"))
                            ? List.of(String.valueOf(fallback).split(",")) : fallback;
                }
                yield Map.of("Ref", name);
            }
        };
    }

    private Object getAtt(String logicalId, String attribute) {
        if (queueUrls.containsKey(logicalId)) {
            return switch (attribute) {
                case "Arn" -> queueArn(logicalId);
                case "QueueName" -> queueUrls.get(logicalId).substring(queueUrls.get(logicalId).lastIndexOf('/') + 1);
                case "QueueUrl" -> queueUrls.get(logicalId);
                default -> throw new IllegalArgumentException("no attribute " + attribute + " on queue " + logicalId);
            };
        }
        if (tableNames.containsKey(logicalId)) {
            String arn = "arn:aws:dynamodb:" + region + ":" + account + ":table/" + tableNames.get(logicalId);
            return switch (attribute) {
                case "Arn" -> arn;
                case "StreamArn" -> arn + "/stream/local";
                default -> throw new IllegalArgumentException("no attribute " + attribute + " on table " + logicalId);
            };
        }
        return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }

    private String sub(String text, Map<String, Object> variables) {
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Object value = variables.containsKey(name) ? variables.get(name)
                    : name.contains(".") && !name.startsWith("AWS::")
                            ? getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1))
                            : ref(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value instanceof String s ? s : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString().replace("${!", "${");
    }

    private Map<String, String> queueAttributes(Map<String, Object> properties, boolean redrive) {
        Map<String, String> attributes = new LinkedHashMap<>();
        properties.forEach((name, raw) -> {
            boolean isRedrive = name.equals("RedrivePolicy") || name.equals("RedriveAllowPolicy");
            if (name.equals("QueueName") || name.equals("Tags") || isRedrive != redrive) {
                return;
            }
            Object value = resolve(raw);
            attributes.put(name, value instanceof Map<?, ?> || value instanceof List<?>
                    ? JsonText.of(value) : String.valueOf(value));
        });
        return attributes;
    }

    private String declaredName(String logicalId, Map<String, Map<String, Object>> declared) {
        Object name = declared.get(logicalId).get(declared == tables ? "TableName" : "QueueName");
        return name == null ? logicalId : String.valueOf(resolve(name));
    }

    private List<KeySchemaElement> keySchema(Object value) {
        return list(value).stream().map(k -> KeySchemaElement.builder().attributeName(text(k, "AttributeName"))
                .keyType(text(k, "KeyType")).build()).toList();
    }

    private Projection projection(Object value) {
        Map<String, Object> p = Template.cast((Map<?, ?>) value);
        Projection.Builder projection = Projection.builder().projectionType(text(p, "ProjectionType"));
        if (p.get("NonKeyAttributes") != null) {
            projection.nonKeyAttributes(list(p.get("NonKeyAttributes")).stream().map(String::valueOf).toList());
        }
        return projection.build();
    }

    private ProvisionedThroughput throughput(Object value) {
        Map<String, Object> p = value == null ? Map.of() : Template.cast((Map<?, ?>) value);
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.valueOf(String.valueOf(resolve(p.getOrDefault("ReadCapacityUnits", 5)))))
                .writeCapacityUnits(Long.valueOf(String.valueOf(resolve(p.getOrDefault("WriteCapacityUnits", 5)))))
                .build();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private String text(Map<String, Object> map, String key) {
        return String.valueOf(resolve(map.get(key)));
    }
}
