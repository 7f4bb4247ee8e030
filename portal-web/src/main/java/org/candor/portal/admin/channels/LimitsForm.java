package org.candor.portal.admin.channels;

import jakarta.ws.rs.core.MultivaluedMap;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.Retention;
import org.candor.portal.channel.UploadLimits;

/**
 * Retention and upload limits as typed (sizes in MiB); kept as typed so that a refused form
 * comes back unchanged.
 */
public record LimitsForm(String retentionDays, boolean uploadsAllowed, String maxFileMib, String maxFiles,
        String maxTotalMib) {

    static LimitsForm from(MultivaluedMap<String, String> form) {
        return new LimitsForm(Forms.value(form, "retentionDays"), Forms.checked(form, "uploadsAllowed"),
                Forms.value(form, "maxFileMib"), Forms.value(form, "maxFiles"), Forms.value(form, "maxTotalMib"));
    }

    static LimitsForm of(Channel channel) {
        UploadLimits limits = channel.uploadLimits();
        return new LimitsForm(String.valueOf(channel.retention().days()), limits.allowed(),
                String.valueOf(limits.maxFileBytes() / UploadLimits.MIB), String.valueOf(limits.maxFiles()),
                String.valueOf(limits.maxTotalBytes() / UploadLimits.MIB));
    }

    Retention retention() {
        return new Retention(Forms.wholeNumber(retentionDays, "channel.limits.retentionDays"));
    }

    UploadLimits uploadLimits() {
        return new UploadLimits(uploadsAllowed,
                Forms.number(maxFileMib, "channel.limits.maxFileMib") * UploadLimits.MIB,
                Forms.wholeNumber(maxFiles, "channel.limits.maxFiles"),
                Forms.number(maxTotalMib, "channel.limits.maxTotalMib") * UploadLimits.MIB);
    }
}
