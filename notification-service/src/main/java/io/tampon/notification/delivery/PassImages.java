package io.tampon.notification.delivery;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/** The QR PNG qr-service stored for a pass (table {@code passes}), to put inline in the email. */
@Repository
class PassImages {

    private final CqlSession session;
    private final PreparedStatement select;

    PassImages(CqlSession session) {
        this.session = session;
        this.select = session.prepare("SELECT qr_png FROM passes WHERE pass_id = ?");
    }

    Optional<byte[]> qrPng(UUID passId) {
        Row row = session.execute(select.bind(passId)).one();
        if (row == null || row.getByteBuffer("qr_png") == null) {
            return Optional.empty();
        }
        ByteBuffer png = row.getByteBuffer("qr_png");
        byte[] bytes = new byte[png.remaining()];
        png.get(bytes);
        return Optional.of(bytes);
    }
}
