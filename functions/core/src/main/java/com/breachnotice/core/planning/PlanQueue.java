package com.breachnotice.core.planning;

import java.util.List;

/** The queue of plan tasks the planner function consumes. */
public interface PlanQueue {
    void enqueue(List<PlanTask> tasks);
}
