package org.qvd.api.metrics.boundary;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Liveness and readiness on the HTTPS port ({@code /api/health/live}, {@code /api/health/ready}),
 * in MicroProfile Health's JSON shape; readiness includes the database.
 */
@WebServlet("/health/*")
public class HealthServlet extends HttpServlet {

    @Resource(lookup = "java:jboss/datasources/QvdDS")
    DataSource db;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String which = request.getPathInfo() == null ? "/" : request.getPathInfo();
        boolean up;
        String checks;
        switch (which) {
            case "/live" -> {
                up = true;
                checks = "[{\"name\":\"qvd-web-api\",\"status\":\"UP\"}]";
            }
            case "/ready", "/" -> {
                up = databaseAnswers();
                checks = "[{\"name\":\"database\",\"status\":\"" + (up ? "UP" : "DOWN") + "\"}]";
            }
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.getWriter().write("{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"checks\":" + checks + "}");
    }

    private boolean databaseAnswers() {
        try (Connection c = db.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
