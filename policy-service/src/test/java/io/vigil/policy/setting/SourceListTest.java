package io.vigil.policy.setting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceListTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // IPv4
            "0.0.0.0|0.0.0.0", "255.255.255.255|255.255.255.255", "192.168.1.10|192.168.1.10",
            // IPv4 CIDR: network address, /32 is the address itself
            "10.1.2.3/8|10.0.0.0/8", "10.0.0.0/8|10.0.0.0/8", "10.1.2.3/32|10.1.2.3", "1.2.3.4/0|0.0.0.0/0",
            "192.168.1.129/25|192.168.1.128/25",
            // IPv6 per RFC 5952
            "2001:DB8::1|2001:db8::1", "2001:0db8:0000:0000:0000:0000:0000:0001|2001:db8::1",
            "2001:db8:0:0:1:0:0:1|2001:db8::1:0:0:1", "2001:db8:0:1:1:1:1:1|2001:db8:0:1:1:1:1:1",
            "2001:db8::0:1|2001:db8::1", "::|::", "::1|::1", "1::|1::", "0:0:0:0:0:0:0:1|::1",
            "2001:db8:0:0:0:1:0:0|2001:db8::1:0:0", "1:0:0:2:0:0:0:3|1:0:0:2::3", "fe80::A:b:C:d|fe80::a:b:c:d",
            "1:2:3:4:5:6:7::|1:2:3:4:5:6:7:0", "::ffff:192.0.2.1|::ffff:192.0.2.1",
            "0:0:0:0:0:ffff:c000:0201|::ffff:192.0.2.1", "64:ff9b::192.0.2.33|64:ff9b::c000:221",
            "1:2:3:4:5:6:1.2.3.4|1:2:3:4:5:6:102:304",
            // IPv6 CIDR
            "2001:db8::1/32|2001:db8::/32", "2001:db8::/128|2001:db8::", "::/0|::/0", "fe80::1:2/64|fe80::/64",
            // MAC
            "AA:BB:CC:DD:EE:FF|aa:bb:cc:dd:ee:ff", "aa-bb-cc-dd-ee-ff|aa:bb:cc:dd:ee:ff",
            "00:1A:2b:3C:4d:5E|00:1a:2b:3c:4d:5e"})
    void normalisesOneEntry(String entry, String normalised) {
        assertThat(NetworkAddress.parse(entry).text()).isEqualTo(normalised);
        assertThat(SourceList.parse(entry).text()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.-4", "10.0.0.0/33", "10.0.0.0/-1",
            "10.0.0.0/", "10.0.0.0/08", "/8", "2001:db8::1::2", "2001:db8:::1", "12345::", "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "g::1", "fe80::1%eth0", "::1/129",
            "1.2.3.4::", "::1.2.3.256", "1:2:3:4:5:6:7:1.2.3.4", "aa:bb:cc:dd:ee", "aa:bb:cc:dd:ee:ff:00",
            "aa:bb-cc:dd:ee:ff", "aabb.ccdd.eeff", "zz:bb:cc:dd:ee:ff", "host.example.com", "localhost", "*"})
    void refusesWhatIsNotAnAddressBlockOrMac(String entry) {
        assertThatThrownBy(() -> SourceList.parse(entry)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(entry.isEmpty() ? "" : entry);
    }

    @Test
    void anyInAnyCaseIsAny() {
        for (String any : List.of("Any", "any", "ANY", " Any ")) {
            SourceList list = SourceList.parse(any);
            assertThat(list.any()).isTrue();
            assertThat(list.text()).isEqualTo("Any");
            assertThat(list.agentEntries()).containsExactly("any");
        }
    }

    @Test
    void sortsByKindThenAddressThenPrefixAndDropsDuplicates() {
        SourceList list = SourceList.parse("aa:bb:cc:dd:ee:ff, 2001:db8::1, 10.0.0.2, 9.0.0.1, 10.0.0.0/8, "
                + "AA-BB-CC-DD-EE-FF, 10.0.0.2/32, 2001:DB8:0::1, 10.0.0.0/16, ::1, 00:00:00:00:00:01");
        assertThat(list.agentEntries()).containsExactly("9.0.0.1", "10.0.0.0/8", "10.0.0.0/16", "10.0.0.2", "::1",
                "2001:db8::1", "00:00:00:00:00:01", "aa:bb:cc:dd:ee:ff");
        assertThat(list.text()).isEqualTo(
                "9.0.0.1,10.0.0.0/8,10.0.0.0/16,10.0.0.2,::1,2001:db8::1,00:00:00:00:00:01,aa:bb:cc:dd:ee:ff");
    }

    @Test
    void normalisedTextParsesToItself() {
        String text = SourceList.parse("fe80::1/64, 10.9.8.7, 01-02-03-04-05-06").text();
        assertThat(SourceList.parse(text).text()).isEqualTo(text);
    }

    @Test
    void emptyEntriesAndAnyInAListAreRefused() {
        assertThatThrownBy(() -> SourceList.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SourceList.parse("10.0.0.1,")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SourceList.parse("10.0.0.1,,10.0.0.2")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SourceList.parse("Any, 10.0.0.1")).hasMessageContaining("Any");
    }

    @Test
    void atMost256Entries() {
        StringBuilder ok = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            ok.append(i == 0 ? "" : ",").append("10.0.").append(i / 256).append('.').append(i % 256);
        }
        assertThat(SourceList.parse(ok.toString()).entries()).hasSize(256);
        assertThatThrownBy(() -> SourceList.parse(ok + ",10.1.0.0")).hasMessageContaining("too many");
    }

    @Test
    void addressesCompareByValue() {
        assertThat(NetworkAddress.parse("2001:db8::1")).isEqualTo(NetworkAddress.parse("2001:DB8:0:0::1"))
                .hasSameHashCodeAs(NetworkAddress.parse("2001:DB8:0:0::1"));
        assertThat(NetworkAddress.parse("10.0.0.0/8")).isNotEqualTo(NetworkAddress.parse("10.0.0.0/16"));
        assertThat(NetworkAddress.parse("10.0.0.1").toString()).isEqualTo("10.0.0.1");
    }
}
