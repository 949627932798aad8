package org.exotrace.photograph;

/**
 * The standardised views of clinical photography, so that a baseline and a follow-up photograph
 * show the same angle: frontal, three-quarter (45°) and profile (90°) to either side, the scalp
 * from above (vertex) and a close-up of a marked area.
 */
public enum StandardView implements org.exotrace.shared.Labelled {
    FRONTAL("Frontal"),
    LEFT_45("Left 45°"),
    RIGHT_45("Right 45°"),
    LEFT_90("Left 90° (profile)"),
    RIGHT_90("Right 90° (profile)"),
    VERTEX("Vertex (scalp)"),
    CLOSE_UP("Close-up");

    private final String label;

    StandardView(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
