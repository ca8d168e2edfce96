package org.charscope.os;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PlatformTest {

    @Test
    void eachJdkOsAndArchMapsToItsNativeBuildOrToNone() {
        // os.name and os.arch as JDK 17 reports them on each machine
        assertEquals(Optional.of(Platform.LINUX_X86_64), Platform.of("Linux", "amd64"));
        assertEquals(Optional.of(Platform.LINUX_ARM64), Platform.of("Linux", "aarch64"));
        assertEquals(Optional.of(Platform.MACOSX_X86_64), Platform.of("Mac OS X", "x86_64"));
        assertEquals(Optional.of(Platform.MACOSX_ARM64), Platform.of("Mac OS X", "aarch64"));
        assertEquals(Optional.of(Platform.WINDOWS_X86_64), Platform.of("Windows 11", "amd64"));
        assertEquals(Optional.of(Platform.WINDOWS_X86_64), Platform.of("Windows Server 2022", "amd64"));
        // no nd4j-native build for these
        assertEquals(Optional.empty(), Platform.of("Windows 11", "aarch64"));
        assertEquals(Optional.empty(), Platform.of("Linux", "ppc64le"));
        assertEquals(Optional.empty(), Platform.of("Linux", "arm"));
        assertEquals(Optional.empty(), Platform.of("FreeBSD", "amd64"));
        assertEquals(Optional.empty(), Platform.of(null, null));
    }

    @Test
    void theOsFamilyComesFromTheOsName() {
        assertEquals(Os.LINUX, Os.of("Linux"));
        assertEquals(Os.MAC, Os.of("Mac OS X"));
        assertEquals(Os.WINDOWS, Os.of("Windows 10"));
        assertEquals(Os.OTHER, Os.of("SunOS"));
        assertEquals(Os.OTHER, Os.of(null));
    }

    @Test
    void classifiersNameThePlatformsBothWays() {
        for (Platform platform : Platform.values()) {
            assertEquals(Optional.of(platform), Platform.named(platform.classifier()));
        }
        assertEquals(Optional.empty(), Platform.named("linux-x86"));
    }

    /**
     * The pom picks natives with profiles activated by OS and architecture: one per platform,
     * named by its classifier, setting {@code charscope.platform} to it, activated for the
     * os.name and os.arch that {@link Platform#of} maps to it, and off when
     * {@code -Dcharscope.platform} names one; plus a {@code platform-NAME} profile for that name.
     */
    @Test
    void thePomsPlatformProfilesAgreeWithPlatformOf() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile()).getDocumentElement();
        List<String> byOs = new ArrayList<>();
        List<String> byName = new ArrayList<>();
        NodeList profiles = project.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            String id = text(profile, "id");
            if (Platform.named(id).isPresent()) {
                byOs.add(id);
                assertEquals(id, text(profile, "charscope.platform"), id);
                assertEquals("!charscope.platform", text(child(profile, "property"), "name"), id + " gives way to -Dcharscope.platform");
                Element os = child(profile, "os");
                String osName = Map.of("unix", text(os, "name"), "mac", "Mac OS X", "windows", "Windows 11").get(text(os, "family"));
                assertEquals(Platform.named(id), Platform.of(osName, text(os, "arch")), id);
            } else if (id.startsWith("platform-")) {
                byName.add(id.substring("platform-".length()));
                assertEquals(id.substring("platform-".length()), text(profile, "value"), id);
            }
        }
        List<String> all = Arrays.stream(Platform.values()).map(Platform::classifier).toList();
        assertEquals(all, byOs);
        assertEquals(all, byName);
    }

    private static Element child(Element parent, String tag) {
        return (Element) parent.getElementsByTagName(tag).item(0);
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
    }
}
