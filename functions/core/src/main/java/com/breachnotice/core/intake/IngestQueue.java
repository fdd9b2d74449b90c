package com.breachnotice.core.intake;

import java.util.List;

/** The queue of manifest ranges the intake workers consume. */
public interface IngestQueue {
    void enqueue(List<IngestTask> tasks);
}
