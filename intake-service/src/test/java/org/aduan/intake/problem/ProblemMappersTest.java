package org.aduan.intake.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.Response;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void waitingInVainForADatabaseConnectionIsABusyServiceNotAnInternalError() {
        RuntimeException e = new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"));

        Response response = mappers.unexpected(e);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type().toString()).endsWith("/overloaded");
        assertThat(problem.detail()).contains("send it again").contains("kirim ulang");
    }

    @Test
    void otherFailuresStayInternalErrors() {
        Response response = mappers.unexpected(new GenericJDBCException("boom", new SQLException("disk full")));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
    }
}
