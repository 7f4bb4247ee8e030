package org.candor.portal.channel;

/**
 * Whether a channel accepts files, and how many and how large. Sizes are in bytes; forms speak
 * in mebibytes ({@link #MIB}). The limits are checked even while uploads are off, so that
 * switching them on never meets an absurd value.
 *
 * <p>Files stream through encryption in constant memory, so the bounds protect disk space and
 * upload time, not the heap.
 */
public record UploadLimits(boolean allowed, long maxFileBytes, int maxFiles, long maxTotalBytes) {

    public static final long MIB = 1024L * 1024;
    public static final long MIN_FILE_BYTES = MIB;
    public static final long MAX_FILE_BYTES = 4096 * MIB;
    public static final int MAX_FILES = 50;
    public static final long MAX_TOTAL_BYTES = 10240 * MIB;
    /** What a new channel starts with: no files, and sensible limits once they are switched on. */
    public static final UploadLimits DEFAULT = new UploadLimits(false, 100 * MIB, 10, 500 * MIB);

    public UploadLimits {
        if (maxFileBytes < MIN_FILE_BYTES || maxFileBytes > MAX_FILE_BYTES) {
            throw new InvalidChannelInput("channel.uploads.maxFileSize.range", MIN_FILE_BYTES / MIB, MAX_FILE_BYTES / MIB);
        }
        if (maxFiles < 1 || maxFiles > MAX_FILES) {
            throw new InvalidChannelInput("channel.uploads.maxFiles.range", 1, MAX_FILES);
        }
        if (maxTotalBytes > MAX_TOTAL_BYTES || maxTotalBytes < 0) {
            throw new InvalidChannelInput("channel.uploads.maxTotal.range", MAX_TOTAL_BYTES / MIB);
        }
        if (maxTotalBytes < maxFileBytes) {
            throw new InvalidChannelInput("channel.uploads.maxTotal.belowFile");
        }
    }
}
