package kiosk.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;

/** An SQS consumer with partial batch responses: every message whose body says "poison" fails. */
public final class JobsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String color = message.getMessageAttributes().containsKey("color")
                    ? message.getMessageAttributes().get("color").getStringValue() : "-";
            Recorder.append("local-test.jobs", message.getBody() + " receive=" + message.getAttributes().get("ApproximateReceiveCount")
                    + " source=" + message.getEventSource() + " arn=" + message.getEventSourceArn() + " color=" + color);
            if (message.getBody().contains("poison")) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
