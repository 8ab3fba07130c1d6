package org.mscsim.viz.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TissueDisplayTest {

    @Test
    void zoomFitsThePatchIntoTheViewButNeverEnlargesIt() {
        assertEquals(1.0, TissueDisplay.fitScale(660, 660, 900, 800), "room to spare: the designed size");
        assertEquals(0.78, TissueDisplay.fitScale(660, 660, 540, 520), "the lower side decides, rounded down");
        assertEquals(0.5, TissueDisplay.fitScale(660, 330, 330, 600), "a wide patch: the width decides");
        assertEquals(0.0, TissueDisplay.fitScale(660, 660, 0, 500), "a view not laid out yet");
        assertEquals(0.01, TissueDisplay.fitScale(660, 660, 2, 2), "never zoom 0");
    }
}
