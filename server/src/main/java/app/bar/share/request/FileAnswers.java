package app.bar.share.request;

import app.bar.share.RequestFulfilled;
import app.bar.share.ShareDestroyed;
import app.bar.share.ShareId;
import app.bar.share.core.ManageTokens;
import app.bar.share.core.ShareRepository;
import app.bar.share.create.ShareUploaded;
import app.bar.share.create.UploadBounds;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The end of a request answered with files. The upload is bounded by the request
 * ({@link UploadBounds}): a container larger than the request allows is refused
 * ({@code request.too_large}) as soon as its declared length or its bytes go past it, before more
 * is read or stored. The upload's completion ({@link ShareUploaded}, in its transaction) answers
 * the request: FILLING → FULFILLED, {@link RequestFulfilled} published in that same transaction,
 * and the share's manage token replaced by one nobody holds, so the filler's upload token no
 * longer reads the share's status or burns it. A share destroyed before its upload completed
 * (the filler gave up, or the clean-up found it abandoned after {@code bar.shares.upload-window}
 * or its expiry) opens the request again.
 */
@Component
class FileAnswers implements UploadBounds {

    private static final Logger log = LoggerFactory.getLogger(FileAnswers.class);

    private final SecretRequestRepository requests;
    private final ShareRepository shares;
    private final ApplicationEventPublisher publisher;

    FileAnswers(SecretRequestRepository requests, ShareRepository shares, ApplicationEventPublisher publisher) {
        this.requests = requests;
        this.shares = shares;
        this.publisher = publisher;
    }

    @Override
    public Optional<Bound> of(ShareId share) {
        return requests.fillingWith(share.value()).map(request -> new Bound(
                SecretRequests.fileContainerLimit(request.maxBytes()),
                () -> SecretRequests.tooLarge("content", request.maxBytes())));
    }

    @EventListener
    void on(ShareUploaded event) {
        String shareId = event.shareId().value();
        SecretRequest request = requests.fillingWith(shareId).orElse(null);
        if (request == null) {
            return; // an ordinary share
        }
        if (!requests.uploaded(request.id(), shareId, event.at())) {
            return;
        }
        shares.replaceManageTokenHash(event.shareId(), ManageTokens.hash(ManageTokens.newToken()));
        publisher.publishEvent(RequestFulfilled.of(request.id(), request.ownerAccountId(), shareId, event.at()));
        log.info("request.fulfilled id={} files=true", request.id());
    }

    /** In the destroying transaction, as the access log (no row in the publication registry for every shredded share). */
    @EventListener
    void on(ShareDestroyed event) {
        if (requests.releaseShare(event.shareId().value()) > 0) {
            log.info("request.released reason={}", event.reason().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
