// Java images: a JDK (or Maven/Gradle on a JDK) to build, a Temurin JRE to run; UBI OpenJDK on RHEL.
import { alp, deb, ubi, type ImageTable } from '../../platform/image-rules';

const MAVEN = '3.9';
const GRADLE = '8.10';

export const images: ImageTable = {
  defaultVersion: '21',
  tagParts: 1,
  agreeParts: 1,
  // 1.8 → 8
  normalize: (major, minor) => (major === 1 && minor !== undefined ? [minor, undefined] : [major, minor]),
  ubiVersions: ['8', '11', '17', '21'],
  pick(family, v, tool) {
    if (family === 'rhel') return { build: ubi(`openjdk-${v}:1`, 'microdnf'), runtime: ubi(`openjdk-${v}-runtime:1`, 'microdnf') };
    const suffix = family === 'alpine' ? '-alpine' : '';
    const mk = family === 'alpine' ? alp : deb;
    const runtime = mk(`eclipse-temurin:${v}-jre${suffix}`);
    if (tool === 'gradle') return { build: mk(`gradle:${GRADLE}-jdk${v}${suffix}`), runtime };
    if (tool === 'maven') return { build: mk(`maven:${MAVEN}-eclipse-temurin-${v}${suffix}`), runtime };
    return { build: mk(`eclipse-temurin:${v}-jdk${suffix}`), runtime };
  },
  repositories: ['eclipse-temurin', 'openjdk', 'amazoncorretto', 'ibm-semeru-runtimes', 'sapmachine'],
};
