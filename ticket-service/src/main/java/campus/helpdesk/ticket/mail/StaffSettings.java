package campus.helpdesk.ticket.mail;

import campus.helpdesk.api.StaffNotificationSetting;
import campus.helpdesk.ticket.db.Database;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** A staff member's own mail setting, by the display name they sign in with. */
@Singleton
public class StaffSettings {

    /** Someone who never saved a setting has no address, so nothing is sent to them. */
    private static final StaffNotificationSetting NONE = new StaffNotificationSetting(null, true);

    private final Database db;

    public StaffSettings(Database db) {
        this.db = db;
    }

    public StaffNotificationSetting of(String staffName) {
        return db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT email, enabled FROM staff_notification WHERE staff_name = ?")) {
                ps.setString(1, staffName);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new StaffNotificationSetting(rs.getString(1), rs.getBoolean(2)) : NONE;
                }
            }
        });
    }

    public StaffNotificationSetting save(String staffName, StaffNotificationSetting setting) {
        // The record trimmed the address and made a blank one null: it is saved as it came.
        db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO staff_notification (staff_name, email, enabled) VALUES (?, ?, ?)
                    ON CONFLICT (staff_name) DO UPDATE
                    SET email = excluded.email, enabled = excluded.enabled, updated_at = now()""")) {
                ps.setString(1, staffName);
                ps.setString(2, setting.email());
                ps.setBoolean(3, setting.enabled());
                return ps.executeUpdate();
            }
        });
        return setting;
    }
}
