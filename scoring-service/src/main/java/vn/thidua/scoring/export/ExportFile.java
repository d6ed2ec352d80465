package vn.thidua.scoring.export;

/** An exported file: its bytes, media type and the name it is saved under. The resource makes the download of it. */
public record ExportFile(byte[] content, String mediaType, String fileName) {
}
