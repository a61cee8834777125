package dev.broadsheet.security;

/**
 * Tells token issuing which syndication partners exist, so that a PARTNER token always names one.
 * Implemented by the syndication feature; security knows no feature.
 */
public interface PartnerDirectory {

    boolean exists(String partnerId);
}
