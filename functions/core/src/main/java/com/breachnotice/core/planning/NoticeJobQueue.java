package com.breachnotice.core.planning;

import java.util.List;

/** The queue of notice jobs the sender consumes. */
public interface NoticeJobQueue {
    void enqueue(List<NoticeJob> jobs);
}
