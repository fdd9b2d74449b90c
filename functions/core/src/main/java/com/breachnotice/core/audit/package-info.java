/** Who did what to a campaign, when and from where: the operators' audit trail. */
@NullMarked
package com.breachnotice.core.audit;

import org.jspecify.annotations.NullMarked;
