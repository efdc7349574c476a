from pyramid.config import Configurator


def main(global_config, **settings):
    config = Configurator(settings=settings)
    config.include("pyramid_beaker")
    config.scan()
    return config.make_wsgi_app()
