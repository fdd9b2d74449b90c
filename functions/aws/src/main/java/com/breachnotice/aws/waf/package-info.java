/** AWS WAF: the edge's web ACL, as the edge switch changes it. */
@NullMarked
package com.breachnotice.aws.waf;

import org.jspecify.annotations.NullMarked;
