// b24view placeholder: replaying runs arrives with the viewer issue.
#include <QApplication>
#include <QLabel>
#include <cstring>

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--version") == 0) {
      std::puts("b24view (placeholder: run replay is not built yet)");
      return 0;
    }
  }
  QApplication app(argc, argv);
  QLabel label("b24view: run replay is not built yet.");
  label.resize(480, 120);
  label.show();
  return QApplication::exec();
}
