package kiosk.fulfilment.notification;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Amazon SES v2 SendEmail, a simple message with a text and an HTML part. Throttling, a 5xx and a
 * connection that fails or times out may pass: Unavailable. Any other refusal (MessageRejected, an
 * unverified sender, an invalid address, sending paused) will not pass by trying again: Rejected.
 * Neither carries SES's message, which can quote the addresses: only its error code.
 */
public final class SesMailer implements Mailer {

    private final SesV2Client ses;

    public SesMailer(SesV2Client ses) {
        this.ses = ses;
    }

    @Override
    public void send(Email email) {
        try {
            ses.sendEmail(b -> b.fromEmailAddress(email.from()).destination(d -> d.toAddresses(email.to()))
                    .content(c -> c.simple(m -> m.subject(utf8(email.subject()))
                            .body(body -> body.text(utf8(email.text())).html(utf8(email.html()))))));
        } catch (SesV2Exception e) {
            String code = e.awsErrorDetails() == null ? "unknown" : e.awsErrorDetails().errorCode();
            if (e.isThrottlingException() || e.statusCode() >= 500 || e instanceof TooManyRequestsException
                    || e instanceof LimitExceededException) {
                throw new Unavailable("SES answered " + e.statusCode() + " " + code);
            }
            throw new Rejected(code);
        } catch (SdkClientException e) {
            throw new Unavailable("SES unreachable: " + e.getClass().getSimpleName());
        }
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset("UTF-8").build();
    }
}
