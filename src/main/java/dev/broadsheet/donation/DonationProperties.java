package dev.broadsheet.donation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param supporterUpsell whether readers who already support still see MEMBERSHIP appeals (an upsell
 *                        to membership); all other kinds are always left out for supporters
 */
@ConfigurationProperties("broadsheet.donations")
record DonationProperties(@DefaultValue("false") boolean supporterUpsell) {
}
