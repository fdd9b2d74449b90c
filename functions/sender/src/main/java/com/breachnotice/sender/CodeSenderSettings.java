package com.breachnotice.sender;

import com.breachnotice.aws.config.FunctionEnvironment;

/**
 * What only the code sender reads: the sender address and SES configuration set of the one-time code
 * emails. Codes have their own, so that complaints about unwanted codes (anyone can type a victim's
 * address) never pause the notices' configuration set, whose sending the law requires.
 */
record CodeSenderSettings(String fromAddress, String configurationSet) {

    static CodeSenderSettings from(FunctionEnvironment env) {
        return new CodeSenderSettings(env.require("CODE_FROM_ADDRESS"), env.require("CODE_CONFIGURATION_SET"));
    }
}
