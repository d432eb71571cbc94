package app.bar.share.create;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import app.bar.crypto.ContentCipher;
import app.bar.crypto.Envelope;
import app.bar.crypto.PasswordKdf;
import app.bar.crypto.SealedKey;
import app.bar.platform.error.BarProblem;
import app.bar.share.ShareWebhooks;
import app.bar.share.core.Requester;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareSecretsStore;
import app.bar.share.guard.OtpService;
import app.bar.share.core.ShareMeters;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;

class ShareCreationTests {

    @Test
    void createWhenAnonymousCreationSwitchedOffThen401AndNothingStored() {
        ShareRepository shares = mock(ShareRepository.class);
        ShareSecretsStore secrets = mock(ShareSecretsStore.class);
        ShareCreation creation = new ShareCreation(shares, secrets, mock(app.bar.share.core.ShareLabels.class), mock(OtpService.class), mock(Envelope.class),
                new ContentCipher(), mock(PasswordKdf.class), SharePolicyTests.limits(false), noWebhooks(),
                mock(TransactionTemplate.class), mock(ShareMeters.class),
                new CreationRules(CreationRulesTests.policy(), SharePolicyTests.limits(false)), Clock.systemUTC());
        CreateShareRequest request = SharePolicyTests.text("secret");
        assertThatThrownBy(() -> creation.create(request, Requester.SYSTEM)).isInstanceOf(BarProblem.Unauthorized.class);
        verifyNoInteractions(shares, secrets);
        org.assertj.core.api.Assertions.assertThat(request.text()).containsOnly('\0'); // wiped either way
    }

    @Test
    void createWhenTextThenTheSecretsBlobIsWrittenBeforeTheTransactionTakesAConnection() {
        ShareRepository shares = mock(ShareRepository.class);
        ShareSecretsStore secrets = mock(ShareSecretsStore.class);
        Envelope envelope = mock(Envelope.class);
        when(envelope.seal(any(), any(), any())).thenReturn(new SealedKey("k1", "c2VhbGVk", false));
        TransactionTemplate tx = mock(TransactionTemplate.class);
        ShareCreation creation = new ShareCreation(shares, secrets, mock(app.bar.share.core.ShareLabels.class), mock(OtpService.class), envelope,
                new ContentCipher(), mock(PasswordKdf.class), SharePolicyTests.limits(true), noWebhooks(),
                tx, mock(ShareMeters.class),
                new CreationRules(CreationRulesTests.policy(), SharePolicyTests.limits(true)), Clock.systemUTC());
        creation.create(SharePolicyTests.text("secret"), Requester.SYSTEM);
        // the blob's write and fsync hold no pooled connection: the transaction starts after it
        InOrder order = inOrder(secrets, tx);
        order.verify(secrets).write(any());
        order.verify(tx).execute(any());
    }

    @SuppressWarnings("unchecked")
    static ObjectProvider<ShareWebhooks> noWebhooks() {
        return mock(ObjectProvider.class);
    }
}
