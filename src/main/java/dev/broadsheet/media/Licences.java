package dev.broadsheet.media;

import static dev.broadsheet.media.Licence.Kind.AGENCY;
import static dev.broadsheet.media.Licence.Kind.ALL_RIGHTS_RESERVED;
import static dev.broadsheet.media.Licence.Kind.OPEN_LICENCE;
import static dev.broadsheet.media.Licence.Kind.OWNED;
import static dev.broadsheet.media.Licence.Kind.PUBLIC_DOMAIN;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The licences Broadsheet knows, by SPDX-style id. */
public final class Licences {

    private static final Map<String, Licence> BY_ID = new LinkedHashMap<>();

    static {
        cc("CC-BY-4.0", "CC BY 4.0", "by", "4.0", false, true, true);
        cc("CC-BY-SA-4.0", "CC BY-SA 4.0", "by-sa", "4.0", true, true, true);
        cc("CC-BY-NC-4.0", "CC BY-NC 4.0", "by-nc", "4.0", false, false, true);
        cc("CC-BY-ND-4.0", "CC BY-ND 4.0", "by-nd", "4.0", false, true, false);
        cc("CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0", "by-nc-sa", "4.0", true, false, true);
        cc("CC-BY-NC-ND-4.0", "CC BY-NC-ND 4.0", "by-nc-nd", "4.0", false, false, false);
        cc("CC-BY-3.0", "CC BY 3.0", "by", "3.0", false, true, true);
        cc("CC-BY-SA-3.0", "CC BY-SA 3.0", "by-sa", "3.0", true, true, true);
        cc("CC-BY-2.0", "CC BY 2.0", "by", "2.0", false, true, true);
        cc("CC-BY-SA-2.0", "CC BY-SA 2.0", "by-sa", "2.0", true, true, true);
        add(new Licence("CC0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/",
                PUBLIC_DOMAIN, false, false, true, true));
        add(new Licence("PDM-1.0", "Public Domain Mark 1.0", "https://creativecommons.org/publicdomain/mark/1.0/",
                PUBLIC_DOMAIN, false, false, true, true));
        add(new Licence("ALL-RIGHTS-RESERVED", "All rights reserved", null,
                ALL_RIGHTS_RESERVED, true, false, false, false));
        add(new Licence("AGENCY", "Agency licence", null, AGENCY, true, false, false, false));
        add(new Licence("OWNED", "Newsroom's own", null, OWNED, true, false, true, true));
    }

    private Licences() {
    }

    public static Optional<Licence> byId(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    public static List<Licence> all() {
        return List.copyOf(BY_ID.values());
    }

    private static void cc(String id, String name, String code, String version, boolean shareAlike,
            boolean commercial, boolean derivatives) {
        add(new Licence(id, name, "https://creativecommons.org/licenses/" + code + "/" + version + "/",
                OPEN_LICENCE, true, shareAlike, commercial, derivatives));
    }

    private static void add(Licence licence) {
        BY_ID.put(licence.id(), licence);
    }
}
