package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineLoadTest {

  private static final String TOP =
      """
      top - 16:00:02 up 1:02,  0 user,  load average: 5.83, 6.15, 3.22
        PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND
          1 root      20   0    4360   3040   2768 S   0.0   0.0   0:01.00 init

      top - 16:00:03 up 1:02,  0 user,  load average: 5.83, 6.15, 3.22
      Tasks: 164 total,   4 running, 160 sleeping,   0 stopped,   0 zombie
      %Cpu(s): 90.9 us,  3.0 sy,  0.0 ni,  5.3 id,  0.8 wa,  0.0 hi,  0.0 si,  0.0 st
        PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND
      16622 root      20   0 8889080 441264  34308 S  72.5   1.8   0:17.49 java
      16603 root      20   0    4360   3040   2768 R  66.7   0.0   0:21.93 bash
         99 root      20   0       0      0      0 I   2.0   0.0   0:03.54 kdamond.0
      """;

  @Test
  void namesTheBusiestProcessesOfTheLastScreen() {
    assertThat(MachineLoad.busiest(TOP, Map.of(16622L, "server"), 2))
        .isEqualTo("server 16622 72.5 %, bash 16603 66.7 %");
  }

  @Test
  void leavesOutIdleProcesses() {
    assertThat(
            MachineLoad.busiest(
                TOP.replace("2.0   0.0   0:03.54", "0.0   0.0   0:03.54"), Map.of(), 5))
        .isEqualTo("java 16622 72.5 %, bash 16603 66.7 %");
  }

  @Test
  void splitsTheCpuTimeOfTheLastScreen() {
    assertThat(MachineLoad.cpuSplit(TOP))
        .isEqualTo("90.9 % user, 3.0 % system, 0.8 % I/O wait, 0.0 % stolen, 5.3 % idle");
  }

  @Test
  void saysWhenTopPrintedNoCpuLine() {
    assertThat(MachineLoad.cpuSplit("top: failed tty get")).isEqualTo("split unknown");
  }

  @Test
  void saysWhenTopPrintedNoTable() {
    assertThat(MachineLoad.busiest("top: failed tty get", Map.of(), 5))
        .isEqualTo("unknown (top printed no process table)");
  }

  @Test
  void readsTheShareOfTimeTasksWaitedForACpu() {
    assertThat(
            MachineLoad.cpuPressure(
                "some avg10=93.60 avg60=55.21 avg300=41.88 total=280638752\n"
                    + "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n"))
        .isEqualTo("93.6 % of the last 10 s");
  }

  @Test
  void readsTheMemoryAvailable() {
    assertThat(MachineLoad.memoryAvailable("MemTotal: 24000000 kB\nMemAvailable:   23596580 kB\n"))
        .isEqualTo("23043 MB");
  }

  @Test
  void readsTheCollectionsSoFar() {
    assertThat(
            MachineLoad.gc(
                "  S0     S1     E      O      M     CCS    YGC     YGCT     FGC    FGCT     CGC   "
                    + "  CGCT       GCT   \n"
                    + "     -   0.00  41.38  23.51  97.63  93.40     85     0.812     0     0.000  "
                    + "  12     0.105     0.917\n"))
        .isEqualTo(
            "85 young (0.812 s), 0 full (0.000 s), 12 concurrent (0.105 s), old generation 23.51 %"
                + " full");
  }

  @Test
  void saysWhatJstatPrintedInsteadOfItsColumns() {
    assertThat(MachineLoad.gc("12345 not found\n")).isEqualTo("unknown (12345 not found)");
  }
}
