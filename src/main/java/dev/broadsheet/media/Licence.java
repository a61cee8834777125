package dev.broadsheet.media;

/**
 * A licence under which an asset may be used, and the terms it implies.
 *
 * @param kind how the attribution line words the licence
 */
public record Licence(
        String id,
        String name,
        String url,
        Kind kind,
        boolean attributionRequired,
        boolean shareAlike,
        boolean commercialUse,
        boolean derivativesAllowed) {

    public enum Kind {
        /** A Creative Commons style licence: "licensed under NAME". */
        OPEN_LICENCE,
        /** Public-domain dedication or mark: no conditions. */
        PUBLIC_DOMAIN,
        /** Used with the rights holder's permission only. */
        ALL_RIGHTS_RESERVED,
        /** Supplied by a news agency under the newsroom's subscription. */
        AGENCY,
        /** The newsroom's own work: free to syndicate, credited to the newsroom. */
        OWNED
    }
}
