package kiosk.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates a template's AWS::DynamoDB::Table and AWS::SQS::Queue resources in DynamoDB Local and
 * ElasticMQ, and defines each in the {@link Intrinsics} so that Ref and GetAtt of it resolve to
 * the local name, URL or ARN. Creation is idempotent: a DynamoDB Local that keeps its data keeps
 * its tables across restarts.
 *
 * <p>Tables: key schema, attribute definitions, global secondary indexes, TTL and streams. Every
 * table is on-demand locally, whatever its BillingMode: DynamoDB Local does not meter capacity.
 * Local secondary indexes are refused rather than silently dropped, as no template needs them yet.
 */
final class Provisioner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean expireItems;
    private final Intrinsics intrinsics;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final Map<String, Map<String, Object>> tables;
    private final Map<String, Map<String, Object>> queues;
    private final Map<String, String> tableNames = new LinkedHashMap<>();
    private final Map<String, String> queueUrls = new LinkedHashMap<>();

    Provisioner(Template template, Intrinsics intrinsics, DynamoDbClient dynamoDb, SqsClient sqs) {
        this(template, intrinsics, dynamoDb, sqs, true);
    }

    Provisioner(Template template, Intrinsics intrinsics, DynamoDbClient dynamoDb, SqsClient sqs, boolean expireItems) {
        this.expireItems = expireItems;
        this.intrinsics = intrinsics;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.tables = template.resources("AWS::DynamoDB::Table");
        this.queues = template.resources("AWS::SQS::Queue");
    }

    void provision() {
        tables.keySet().forEach(id -> tableNames.put(id, createTable(id, declaredName(id, "TableName", tables))));
        // Queues first without redrive policies: a policy names its dead-letter queue by ARN,
        // which exists only once that queue does.
        queues.forEach((id, properties) -> {
            Map<String, String> attributes = queueAttributes(properties, false);
            String name = declaredName(id, "QueueName", queues);
            if ("true".equals(attributes.get(QueueAttributeName.FIFO_QUEUE.toString())) && !name.endsWith(".fifo")) {
                name = name + ".fifo";
            }
            String queueName = name;
            String url = sqs.createQueue(b -> b.queueName(queueName).attributesWithStrings(attributes)).queueUrl();
            queueUrls.put(id, url);
            intrinsics.define(id, url, Map.of("Arn", queueArn(queueName), "QueueName", queueName, "QueueUrl", url));
        });
        queues.forEach((id, properties) -> {
            Map<String, String> attributes = queueAttributes(properties, true);
            if (!attributes.isEmpty()) {
                sqs.setQueueAttributes(b -> b.queueUrl(queueUrls.get(id)).attributesWithStrings(attributes));
            }
        });
    }

    Map<String, String> tableNames() {
        return Map.copyOf(tableNames);
    }

    Map<String, String> queueUrls() {
        return Map.copyOf(queueUrls);
    }

    String tableName(String logicalId) {
        String name = tableNames.get(logicalId);
        if (name == null) {
            throw new IllegalArgumentException("the template declares no table " + logicalId + "; it has " + tableNames.keySet());
        }
        return name;
    }

    String queueUrl(String logicalId) {
        String url = queueUrls.get(logicalId);
        if (url == null) {
            throw new IllegalArgumentException("the template declares no queue " + logicalId + "; it has " + queueUrls.keySet());
        }
        return url;
    }

    String queueArn(String queueName) {
        return "arn:aws:sqs:" + intrinsics.region() + ":" + intrinsics.account() + ":" + queueName;
    }

    /**
     * Creates the table a logical id declares under the given name (an existing one is kept) and,
     * when it is the declared table itself, defines it for Ref and GetAtt (Arn, StreamArn).
     */
    String createTable(String logicalId, String name) {
        Map<String, Object> p = tables.get(logicalId);
        if (p == null) {
            throw new IllegalArgumentException("the template declares no table " + logicalId);
        }
        if (p.containsKey("LocalSecondaryIndexes")) {
            throw new IllegalArgumentException(logicalId + ": LocalSecondaryIndexes are not emulated");
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(list(p.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder().attributeName(text(a, "AttributeName"))
                                .attributeType(text(a, "AttributeType")).build())
                        .toList())
                .keySchema(keySchema(p.get("KeySchema")));
        if (p.get("GlobalSecondaryIndexes") != null) {
            request.globalSecondaryIndexes(list(p.get("GlobalSecondaryIndexes")).stream()
                    .map(index -> GlobalSecondaryIndex.builder().indexName(text(index, "IndexName"))
                            .keySchema(keySchema(index.get("KeySchema"))).projection(projection(index.get("Projection")))
                            .build())
                    .toList());
        }
        if (p.get("StreamSpecification") instanceof Map<?, ?> stream) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(String.valueOf(intrinsics.resolve(stream.get("StreamViewType")))).build());
        }
        boolean created;
        try {
            dynamoDb.createTable(request.build());
            created = true;
        } catch (ResourceInUseException alreadyThere) {
            created = false;
        }
        // A kept table: brought to what the template now declares, read once for both.
        if (!created && (p.get("StreamSpecification") != null || p.get("GlobalSecondaryIndexes") != null)) {
            TableDescription existing = dynamoDb.describeTable(b -> b.tableName(name)).table();
            if (p.get("StreamSpecification") instanceof Map<?, ?> stream) {
                String declared = String.valueOf(intrinsics.resolve(stream.get("StreamViewType")));
                var current = existing.streamSpecification();
                boolean enabled = current != null && Boolean.TRUE.equals(current.streamEnabled());
                if (enabled && !declared.equals(current.streamViewTypeAsString())) {
                    // The template changed what the stream carries: as a deploy does, the old stream ends
                    // and a new one starts (its readers begin at the new stream's start).
                    dynamoDb.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(false)));
                    enabled = false;
                }
                if (!enabled) {
                    // A data folder from before the template gave this table a stream (or this one): give it one now.
                    dynamoDb.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(true)
                            .streamViewType(declared)));
                }
            }
            if (p.get("GlobalSecondaryIndexes") != null) {
                addMissingIndexes(name, request.build(), existing);
            }
        }
        if (created && expireItems && p.get("TimeToLiveSpecification") instanceof Map<?, ?> ttl
                && Boolean.parseBoolean(String.valueOf(intrinsics.resolve(ttl.get("Enabled"))))) {
            dynamoDb.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(
                    t -> t.attributeName(String.valueOf(intrinsics.resolve(ttl.get("AttributeName")))).enabled(true)));
        }
        if (name.equals(declaredName(logicalId, "TableName", tables))) {
            var table = dynamoDb.describeTable(b -> b.tableName(name)).table();
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("Arn", table.tableArn());
            if (table.latestStreamArn() != null) {
                attributes.put("StreamArn", table.latestStreamArn());
            }
            intrinsics.define(logicalId, name, attributes);
        }
        return name;
    }

    /**
     * A data folder from before the template gave this table an index: add it, as a deploy does
     * (DynamoDB Local fills it from the items already there). Without it every query of the index
     * would fail with "The table does not have the specified index".
     */
    private void addMissingIndexes(String name, CreateTableRequest declared, TableDescription existing) {
        Set<String> present = new HashSet<>();
        if (existing.globalSecondaryIndexes() != null) {
            existing.globalSecondaryIndexes().forEach(index -> present.add(index.indexName()));
        }
        for (GlobalSecondaryIndex index : declared.globalSecondaryIndexes()) {
            if (!present.contains(index.indexName())) {
                dynamoDb.updateTable(b -> b.tableName(name).attributeDefinitions(declared.attributeDefinitions())
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                                .keySchema(index.keySchema()).projection(index.projection()))));
                System.err.printf("LocalAws: table %s was made by an older template: index %s added%n", name, index.indexName());
                awaitFilled(name, index.indexName());
            }
        }
    }

    /**
     * Until the new index is active and filled from the items already there, as a deploy's
     * UpdateTable is done only then: a query right after start missed the items (a flaky
     * LocalAwsIT in CI).
     */
    private void awaitFilled(String table, String index) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean filled = dynamoDb.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().stream()
                    .anyMatch(i -> i.indexName().equals(index) && i.indexStatus() == IndexStatus.ACTIVE
                            && !Boolean.TRUE.equals(i.backfilling()));
            if (filled) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while index " + index + " of " + table + " was filled", e);
            }
        }
        throw new IllegalStateException("index " + index + " of " + table + " was not filled within 60 s");
    }

    private Map<String, String> queueAttributes(Map<String, Object> properties, boolean redrive) {
        Map<String, String> attributes = new LinkedHashMap<>();
        properties.forEach((name, raw) -> {
            boolean isRedrive = name.equals("RedrivePolicy") || name.equals("RedriveAllowPolicy");
            if (name.equals("QueueName") || name.equals("Tags") || isRedrive != redrive) {
                return;
            }
            Object value = intrinsics.resolve(raw);
            try {
                attributes.put(name, value instanceof Map<?, ?> || value instanceof List<?>
                        ? JSON.writeValueAsString(value) : String.valueOf(value));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("queue attribute " + name + " cannot be written as JSON", e);
            }
        });
        return attributes;
    }

    private String declaredName(String logicalId, String property, Map<String, Map<String, Object>> declared) {
        Object name = declared.get(logicalId).get(property);
        return name == null ? logicalId : String.valueOf(intrinsics.resolve(name));
    }

    private List<KeySchemaElement> keySchema(Object value) {
        return list(value).stream().map(k -> KeySchemaElement.builder().attributeName(text(k, "AttributeName"))
                .keyType(text(k, "KeyType")).build()).toList();
    }

    private Projection projection(Object value) {
        Map<String, Object> p = Template.cast((Map<?, ?>) value);
        Projection.Builder projection = Projection.builder().projectionType(text(p, "ProjectionType"));
        if (p.get("NonKeyAttributes") != null) {
            projection.nonKeyAttributes(((List<?>) intrinsics.resolve(p.get("NonKeyAttributes"))).stream().map(String::valueOf).toList());
        }
        return projection.build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private String text(Map<String, Object> map, String key) {
        return String.valueOf(intrinsics.resolve(map.get(key)));
    }
}
